/**
 * `owner/repo#123`: how people write a GitHub issue, and donegate's key (and id) for it, upper-cased like
 * every ticket key donegate stores (`ACME/ML#123`): GitHub compares owner and repository names without
 * regard to case, and so do its API routes. Owner names are
 * 1-39 letters, digits and dashes; repository names at most 100 of letters, digits, `.`, `_` and `-`
 * (GitHub's own limits), so the pattern has no unbounded run for hostile text to stretch.
 */
export const GITHUB_TICKET_KEY_PATTERN = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})#([1-9][0-9]{0,9})$/;

/** `owner/repo`: a GitHub ticket's project, and what the policy's `match.github.repos` lists. */
export const GITHUB_REPO_PATTERN = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/;

export interface GithubIssueRef {
  owner: string;
  repo: string;
  issueNumber: number;
}

/** The issue a key names, or `undefined` when it is not `owner/repo#123`. */
export function parseGithubTicketKey(key: string): GithubIssueRef | undefined {
  const match = GITHUB_TICKET_KEY_PATTERN.exec(key);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { owner: match[1], repo: match[2], issueNumber: Number(match[3]) };
}

/** The stored key of an issue: `ACME/ML#123`. */
export function githubTicketKey(repoFullName: string, issueNumber: number): string {
  return `${repoFullName}#${issueNumber}`.toUpperCase();
}
