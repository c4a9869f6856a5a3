/** The simulated GitHub's state: accounts, issues, comments and project items, all in memory. */

export interface SimGithubUser {
  id: number;
  login: string;
  type: 'User' | 'Bot' | 'Organization';
  /** The profile's full name; null on GitHub when the person set none. */
  name?: string;
}

export interface SimGithubIssue {
  id: number;
  nodeId: string;
  /** `owner/repo`. */
  repo: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  authorId: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface SimGithubComment {
  id: number;
  nodeId: string;
  /** `owner/repo#number`, lower-cased. */
  issueKey: string;
  body: string;
  authorId: number;
  createdAt: string;
  updatedAt: string;
}

export interface SimProjectOption {
  id: string;
  name: string;
}

/** One Projects (v2) board with one single-select Status field. */
export interface SimProject {
  nodeId: string;
  number: number;
  organization: string;
  statusFieldId: string;
  options: SimProjectOption[];
}

export interface SimProjectItem {
  id: number;
  nodeId: string;
  projectNodeId: string;
  issueKey: string;
  /** The option the Status field shows, `null` when empty. */
  optionId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GithubStore {
  users: Map<number, SimGithubUser>;
  /** By `issueKey`. */
  issues: Map<string, SimGithubIssue>;
  comments: Map<number, SimGithubComment>;
  projects: Map<string, SimProject>;
  items: Map<string, SimProjectItem>;
  nextId(): number;
}

export function createGithubStore(): GithubStore {
  let id = 1000;
  return { users: new Map(), issues: new Map(), comments: new Map(), projects: new Map(), items: new Map(), nextId: () => ++id };
}

/** The store's key of an issue, lower-cased: GitHub matches owner and repository names without regard to case. */
export function issueKey(issue: Pick<SimGithubIssue, 'repo' | 'number'>): string {
  return `${issue.repo}#${issue.number}`.toLowerCase();
}

/** GitHub's node ids are opaque base64-like strings with a type prefix (`I_kwDO…`); these only need to be unique. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_sim${id.toString(36)}`;
}

export const isoNow = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
