import type { LinearIssueData } from './linear-payload-schema.js';

/**
 * The issue's identifier (`AI-7`): `data.identifier`, or for older deliveries without it the team key and
 * the issue number, which is how Linear builds identifiers. `undefined` when neither is there.
 */
export function linearIssueKey(issue: LinearIssueData): string | undefined {
  if (issue.identifier !== undefined) return issue.identifier;
  if (issue.team?.key !== undefined && issue.number !== undefined) return `${issue.team.key}-${issue.number}`;
  return undefined;
}
