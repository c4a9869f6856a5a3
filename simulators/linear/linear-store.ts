import { randomUUID } from 'node:crypto';

/** Linear's workflow state types; `completed` is the one a move into is gated. */
export type WorkflowStateType = 'triage' | 'backlog' | 'unstarted' | 'started' | 'completed' | 'canceled' | 'duplicate';

export interface SimOrganization {
  id: string;
  name: string;
  urlKey: string;
}

export interface SimUser {
  id: string;
  name: string;
  email: string;
}

export interface SimTeam {
  id: string;
  key: string;
  name: string;
  /** Next issue number for `KEY-N` identifiers. */
  nextNumber: number;
  createdAt: string;
}

export interface SimWorkflowState {
  id: string;
  teamId: string;
  name: string;
  type: WorkflowStateType;
  color: string;
  position: number;
  createdAt: string;
}

export interface SimLabel {
  id: string;
  name: string;
  color: string;
  /** Absent for a workspace label, set for a team label. */
  teamId?: string;
  creatorId?: string;
  createdAt: string;
}

export interface SimIssue {
  id: string;
  identifier: string;
  number: number;
  title: string;
  description?: string;
  teamId: string;
  stateId: string;
  labelIds: string[];
  creatorId?: string;
  assigneeId?: string;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  completedAt?: string;
  canceledAt?: string;
}

export interface SimComment {
  id: string;
  issueId: string;
  body: string;
  userId?: string;
  createdAt: string;
  updatedAt: string;
  editedAt?: string;
}

/** An issue attachment: a link, to a file the simulator serves itself (`content`) or to anywhere else. */
export interface SimAttachment {
  id: string;
  issueId: string;
  title: string;
  subtitle?: string;
  url: string;
  metadata: Record<string, unknown>;
  creatorId?: string;
  createdAt: string;
  updatedAt: string;
  /** Set when the simulator serves the file at `url` (a `/files/…` path on itself). */
  content?: Buffer;
  contentType?: string;
  /** Served in chunks without `Content-Length`. */
  streamed?: boolean;
}

/** The simulated workspace: plain records keyed by id, in insertion order (Linear's default `createdAt` order). */
export interface LinearStore {
  organization: SimOrganization;
  users: Map<string, SimUser>;
  teams: Map<string, SimTeam>;
  states: Map<string, SimWorkflowState>;
  labels: Map<string, SimLabel>;
  issues: Map<string, SimIssue>;
  comments: Map<string, SimComment>;
  attachments: Map<string, SimAttachment>;
  /** Linear's `lastSyncId`: grows with every write. */
  syncId: number;
}

export function createLinearStore(organization: SimOrganization): LinearStore {
  return {
    organization,
    users: new Map(),
    teams: new Map(),
    states: new Map(),
    labels: new Map(),
    issues: new Map(),
    comments: new Map(),
    attachments: new Map(),
    syncId: 1000,
  };
}

export const newId = (): string => randomUUID();
export const now = (): string => new Date().toISOString();

/** Linear's `issue(id:)` takes the UUID or the identifier (`AI-7`, any case). */
export function findIssue(store: LinearStore, idOrIdentifier: string): SimIssue | undefined {
  const byId = store.issues.get(idOrIdentifier);
  if (byId) return byId;
  const wanted = idOrIdentifier.toUpperCase();
  for (const issue of store.issues.values()) {
    if (issue.identifier === wanted) return issue;
  }
  return undefined;
}

/** Teams are addressed by UUID or by key in the simulator's own API (the GraphQL API takes either too). */
export function findTeam(store: LinearStore, idOrKey: string): SimTeam | undefined {
  const byId = store.teams.get(idOrKey);
  if (byId) return byId;
  for (const team of store.teams.values()) {
    if (team.key === idOrKey.toUpperCase()) return team;
  }
  return undefined;
}

export function statesOfTeam(store: LinearStore, teamId: string): SimWorkflowState[] {
  return [...store.states.values()].filter((state) => state.teamId === teamId);
}

/** For the simulator's own set-up API: an unknown issue is a mistake in the test, said plainly. */
export function requireIssue(store: LinearStore, idOrIdentifier: string): SimIssue {
  const issue = findIssue(store, idOrIdentifier);
  if (!issue) throw new Error(`Linear simulator: no issue ${idOrIdentifier}`);
  return issue;
}

export function requireTeam(store: LinearStore, idOrKey: string): SimTeam {
  const team = findTeam(store, idOrKey);
  if (!team) throw new Error(`Linear simulator: no team ${idOrKey}`);
  return team;
}
