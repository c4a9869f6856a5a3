import type { SimUser } from '../types.js';

/** The site's people, starting with the API user itself. */
export function createJiraUsers(self: SimUser) {
  const users = new Map<string, SimUser>([[self.accountId, self]]);
  const part = {
    self,

    addUser(user: { accountId: string; displayName?: string; emailAddress?: string; timeZone?: string }): SimUser {
      const added: SimUser = {
        accountId: user.accountId,
        displayName: user.displayName ?? user.accountId,
        emailAddress: user.emailAddress ?? `${user.accountId}@example.com`,
        timeZone: user.timeZone ?? 'Etc/UTC',
      };
      users.set(added.accountId, added);
      return added;
    },

    /** Unknown account ids get a plain user, as people appear in Jira the first time they act. */
    user(accountId: string): SimUser {
      return users.get(accountId) ?? part.addUser({ accountId });
    },
  };
  return part;
}
