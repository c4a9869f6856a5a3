import { invalidInput } from './linear-error-bodies.js';
import {
  findTeam,
  newId,
  now,
  type LinearStore,
  type SimComment,
  type SimIssue,
  type SimLabel,
  type SimWorkflowState,
  type WorkflowStateType,
} from './linear-store.js';

/**
 * Every change to the workspace goes through here, whether it comes from the GraphQL API or from a
 * person on the simulated board, so both keep the same invariants (state belongs to the issue's team,
 * labels exist, timestamps move).
 */
export interface IssueChanges {
  title?: string;
  description?: string;
  stateId?: string;
  labelIds?: string[];
  addedLabelIds?: string[];
  removedLabelIds?: string[];
}

export function updateIssue(store: LinearStore, issue: SimIssue, changes: IssueChanges): SimIssue {
  const previous = { ...issue, labelIds: [...issue.labelIds] };
  const at = now();
  if (changes.stateId !== undefined && changes.stateId !== issue.stateId) {
    const state = store.states.get(changes.stateId);
    if (!state || state.teamId !== issue.teamId) {
      throw invalidInput('The workflow state does not exist or does not belong to the issue\'s team.');
    }
    issue.stateId = state.id;
    stampStateTimes(issue, state.type, at);
  }
  if (changes.title !== undefined) issue.title = changes.title;
  if (changes.description !== undefined) issue.description = changes.description;
  if (changes.labelIds !== undefined) issue.labelIds = unique(changes.labelIds.map((id) => usableLabel(store, issue, id).id));
  for (const id of changes.addedLabelIds ?? []) {
    const label = usableLabel(store, issue, id);
    if (!issue.labelIds.includes(label.id)) issue.labelIds.push(label.id);
  }
  if (changes.removedLabelIds) issue.labelIds = issue.labelIds.filter((id) => !changes.removedLabelIds?.includes(id));
  issue.updatedAt = at;
  store.syncId += 1;
  return previous;
}

function stampStateTimes(issue: SimIssue, type: WorkflowStateType, at: string): void {
  delete issue.completedAt;
  delete issue.canceledAt;
  if (type === 'started' && !issue.startedAt) issue.startedAt = at;
  if (type === 'completed') issue.completedAt = at;
  if (type === 'canceled' || type === 'duplicate') issue.canceledAt = at;
  if (type === 'backlog' || type === 'unstarted' || type === 'triage') delete issue.startedAt;
}

function usableLabel(store: LinearStore, issue: SimIssue, id: string): SimLabel {
  const label = store.labels.get(id);
  if (!label || (label.teamId !== undefined && label.teamId !== issue.teamId)) {
    throw invalidInput('Label not found or not available to the issue\'s team.');
  }
  return label;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

export interface NewIssue {
  team: string;
  title: string;
  description?: string;
  stateId?: string;
  labelIds?: string[];
  creatorId?: string;
  assigneeId?: string;
  id?: string;
}

export function createIssue(store: LinearStore, input: NewIssue): SimIssue {
  const team = findTeam(store, input.team);
  if (!team) throw invalidInput(`Team not found: ${input.team}`);
  const states = [...store.states.values()].filter((state) => state.teamId === team.id);
  const state: SimWorkflowState | undefined = input.stateId
    ? states.find((candidate) => candidate.id === input.stateId || candidate.name === input.stateId)
    : (states.find((candidate) => candidate.type === 'unstarted') ?? states[0]);
  if (!state) throw invalidInput(`No such workflow state in team ${team.key}: ${input.stateId ?? '(default)'}`);
  const at = now();
  const number = team.nextNumber++;
  const issue: SimIssue = {
    id: input.id ?? newId(),
    identifier: `${team.key}-${number}`,
    number,
    title: input.title,
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.creatorId !== undefined ? { creatorId: input.creatorId } : {}),
    ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
    teamId: team.id,
    stateId: state.id,
    labelIds: [],
    createdAt: at,
    updatedAt: at,
  };
  stampStateTimes(issue, state.type, at);
  store.issues.set(issue.id, issue);
  if (input.labelIds) issue.labelIds = unique(input.labelIds.map((id) => usableLabel(store, issue, id).id));
  store.syncId += 1;
  return issue;
}

export function createComment(store: LinearStore, issue: SimIssue, body: string, userId: string | undefined): SimComment {
  const at = now();
  const comment: SimComment = {
    id: newId(),
    issueId: issue.id,
    body,
    ...(userId !== undefined ? { userId } : {}),
    createdAt: at,
    updatedAt: at,
  };
  store.comments.set(comment.id, comment);
  store.syncId += 1;
  return comment;
}

export function editComment(store: LinearStore, comment: SimComment, body: string): SimComment {
  const at = now();
  comment.body = body;
  comment.updatedAt = at;
  comment.editedAt = at;
  store.syncId += 1;
  return comment;
}

export interface NewLabel {
  name: string;
  teamId?: string;
  color?: string;
  creatorId?: string;
  id?: string;
}

/** Linear refuses a second label of the same name where both would be visible to the same issues. */
export function createLabel(store: LinearStore, input: NewLabel): SimLabel {
  const name = input.name.trim();
  if (!name) throw invalidInput('Label name must not be empty.');
  const team = input.teamId ? findTeam(store, input.teamId) : undefined;
  if (input.teamId && !team) throw invalidInput(`Team not found: ${input.teamId}`);
  const clash = [...store.labels.values()].some(
    (label) =>
      label.name.toLowerCase() === name.toLowerCase() &&
      (label.teamId === undefined || team === undefined || label.teamId === team.id),
  );
  if (clash) throw invalidInput(`A label named "${name}" already exists.`);
  const label: SimLabel = {
    id: input.id ?? newId(),
    name,
    color: input.color ?? '#bec2c8',
    ...(team ? { teamId: team.id } : {}),
    ...(input.creatorId !== undefined ? { creatorId: input.creatorId } : {}),
    createdAt: now(),
  };
  store.labels.set(label.id, label);
  store.syncId += 1;
  return label;
}
