/** Jira's three status categories; `done` is the one donegate gates. */
export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

/** An Atlassian Document Format node, loosely typed: the simulator checks its structure, not its meaning. */
export interface AdfNode {
  type: string;
  version?: number;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: AdfNode[];
}

export interface SimUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  timeZone: string;
}

export interface SimProject {
  id: string;
  key: string;
  name: string;
}

export interface SimIssueType {
  id: string;
  name: string;
  subtask: boolean;
}

export interface SimStatus {
  id: string;
  name: string;
  category: StatusCategoryKey;
}

export interface SimResolution {
  id: string;
  name: string;
  description: string;
}

/**
 * A workflow transition. `from` lists the statuses it starts from; omitted, it is a global transition
 * ("any status → to"), as in Jira's simplified workflows.
 */
export interface SimTransition {
  id: string;
  name: string;
  from?: string[];
  to: string;
  /** When true the transition screen shows the Resolution field, so a request may set or clear it. */
  resolutionOnScreen: boolean;
  /** Restricts the transition to one project's workflow; omitted, every project uses it. */
  projectKey?: string;
}

export interface SimComment {
  id: string;
  issueId: string;
  authorAccountId: string;
  updateAuthorAccountId: string;
  body: AdfNode;
  created: Date;
  updated: Date;
}

export interface SimIssue {
  id: string;
  key: string;
  projectKey: string;
  issueTypeId: string;
  statusId: string;
  summary: string;
  description: AdfNode | null;
  labels: string[];
  resolutionId: string | null;
  resolutionDate: Date | null;
  reporterAccountId: string;
  assigneeAccountId: string | null;
  created: Date;
  updated: Date;
  statusCategoryChangeDate: Date;
  properties: Map<string, unknown>;
}

export interface SimAttachment {
  id: string;
  issueId: string;
  filename: string;
  content: Buffer;
  mimeType: string;
  authorAccountId: string;
  created: Date;
  /** The `size` the issue's `attachment` field reports; differs from `content.length` only when a test makes it lie. */
  size: number;
  /** Served in chunks without `Content-Length`, as a proxy streaming it would. */
  streamed: boolean;
}

/** A remote issue link (`GET /issue/{key}/remotelink`): a link from the issue to something outside Jira. */
export interface SimRemoteLink {
  id: string;
  issueId: string;
  url: string;
  title: string;
  globalId?: string;
  relationship?: string;
}

/** A request the real Jira would refuse (or not know): tests assert this list stays empty. */
export interface Violation {
  kind: 'unknown-operation' | 'invalid-request' | 'unimplemented-operation' | 'invalid-adf';
  method: string;
  path: string;
  operationId?: string;
  problems: string[];
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  operationId?: string;
  status: number;
  durationMs: number;
  at: Date;
  /** Set when an injected fault answered the request. */
  faulted: boolean;
}
