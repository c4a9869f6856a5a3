import type { SimRemoteLink } from '../types.js';
import type { IssueLookup } from './jira-issues.js';

/** Web links on issues. */
export function createJiraRemoteLinks({ newId, issues }: { newId: () => string; issues: IssueLookup }) {
  const remoteLinks: SimRemoteLink[] = [];
  return {
    /** Link the issue to a URL, as an app or a user adding a web link does. */
    addRemoteLink(issueIdOrKey: string, input: Omit<SimRemoteLink, 'id' | 'issueId'>): SimRemoteLink {
      const issue = issues.issue(issueIdOrKey);
      const link: SimRemoteLink = { id: newId(), issueId: issue.id, ...input };
      remoteLinks.push(link);
      issue.updated = new Date();
      return link;
    },

    remoteLinks(issueIdOrKey: string): SimRemoteLink[] {
      const { id } = issues.issue(issueIdOrKey);
      return remoteLinks.filter((link) => link.issueId === id);
    },
  };
}
