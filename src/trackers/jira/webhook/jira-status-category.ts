import type { JiraStatus } from './jira-payload-schema.js';

/**
 * The status category key (`new`, `indeterminate`, `done`) of the status the issue moved to, when the payload
 * says so: `issue.fields.status` is the issue after the change, so it counts only if its id is the changelog
 * `to`. `undefined` means unknown — the caller lets the worker decide from a fresh read, because dropping a
 * real move to Done would let it through ungated.
 */
export function jiraStatusCategory(status: JiraStatus | undefined, toStatusId: string): string | undefined {
  if (status === undefined || status.id !== toStatusId) return undefined;
  return status.statusCategory?.key;
}
