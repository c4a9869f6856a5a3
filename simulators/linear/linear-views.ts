import type { Filterable } from './match-filter.js';
import { matchesFilter } from './match-filter.js';
import { createFilterRecords } from './linear-filter-records.js';
import { paginate, type PaginationArgs } from './paginate.js';
import {
  statesOfTeam,
  type LinearStore,
  type SimAttachment,
  type SimComment,
  type SimIssue,
  type SimLabel,
  type SimTeam,
  type SimUser,
  type SimWorkflowState,
} from './linear-store.js';

/** A GraphQL object as the field resolver reads it: values, or `(args) => value` for fields with arguments. */
export type View = Record<string, unknown>;
type ListArgs = PaginationArgs & { filter?: unknown; includeArchived?: boolean | null };

/**
 * Turns store records into GraphQL views, and lists them filtered (linear-filter-records.ts) and paginated.
 * Only what donegate, the demo and the SDK's chained calls need is modelled; every other field falls back to
 * a synthesised default.
 */
export function createViews(store: LinearStore, viewerId: string) {
  const appUrl = (path: string): string => `https://linear.app/${store.organization.urlKey}${path}`;

  const list = <T extends { id: string }>(items: T[], args: ListArgs, record: (item: T) => Filterable, view: (item: T) => View) =>
    paginate(
      items.filter((item) => matchesFilter(record(item), args.filter)),
      args,
      view,
    );

  const records = createFilterRecords(store, viewerId);

  const organization = (): View => ({
    __typename: 'Organization',
    id: store.organization.id,
    name: store.organization.name,
    urlKey: store.organization.urlKey,
    teams: (args: ListArgs) => list([...store.teams.values()], args, records.team, team),
    users: (args: ListArgs) => list([...store.users.values()], args, records.user, user),
    labels: (args: ListArgs) => list([...store.labels.values()], args, records.label, label),
  });

  const user = (record: SimUser): View => ({
    __typename: 'User',
    id: record.id,
    name: record.name,
    displayName: record.name.split(' ')[0]?.toLowerCase() ?? record.name,
    email: record.email,
    active: true,
    isMe: record.id === viewerId,
    url: appUrl(`/profiles/${record.id}`),
    organization,
    teams: (args: ListArgs) => list([...store.teams.values()], args, records.team, team),
    assignedIssues: (args: ListArgs) => list([], args, records.issue, issue),
  });

  const team = (record: SimTeam): View => ({
    __typename: 'Team',
    id: record.id,
    key: record.key,
    name: record.name,
    createdAt: record.createdAt,
    updatedAt: record.createdAt,
    organization,
    states: (args: ListArgs) => list(statesOfTeam(store, record.id), args, records.state, state),
    labels: (args: ListArgs) =>
      list([...store.labels.values()].filter((l) => l.teamId === record.id), args, records.label, label),
    issues: (args: ListArgs) =>
      list([...store.issues.values()].filter((i) => i.teamId === record.id), args, records.issue, issue),
    members: (args: ListArgs) => list([...store.users.values()], args, records.user, user),
  });

  const state = (record: SimWorkflowState): View => ({
    __typename: 'WorkflowState',
    id: record.id,
    name: record.name,
    type: record.type,
    color: record.color,
    position: record.position,
    createdAt: record.createdAt,
    updatedAt: record.createdAt,
    team: () => viewOf(store.teams.get(record.teamId), team),
    issues: (args: ListArgs) =>
      list([...store.issues.values()].filter((i) => i.stateId === record.id), args, records.issue, issue),
  });

  const label = (record: SimLabel): View => ({
    __typename: 'IssueLabel',
    id: record.id,
    name: record.name,
    color: record.color,
    isGroup: false,
    createdAt: record.createdAt,
    updatedAt: record.createdAt,
    team: () => (record.teamId ? viewOf(store.teams.get(record.teamId), team) : null),
    creator: () => (record.creatorId ? viewOf(store.users.get(record.creatorId), user) : null),
    organization,
    issues: (args: ListArgs) =>
      list([...store.issues.values()].filter((i) => i.labelIds.includes(record.id)), args, records.issue, issue),
    children: (args: ListArgs) => list([], args, records.label, label),
  });

  const issue = (record: SimIssue): View => ({
    __typename: 'Issue',
    id: record.id,
    identifier: record.identifier,
    number: record.number,
    title: record.title,
    description: record.description ?? null,
    priority: 0,
    priorityLabel: 'No priority',
    url: appUrl(`/issue/${record.identifier}/${slug(record.title)}`),
    branchName: `${record.identifier.toLowerCase()}-${slug(record.title)}`,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    startedAt: record.startedAt ?? null,
    completedAt: record.completedAt ?? null,
    canceledAt: record.canceledAt ?? null,
    labelIds: record.labelIds,
    state: () => viewOf(store.states.get(record.stateId), state),
    team: () => viewOf(store.teams.get(record.teamId), team),
    creator: () => (record.creatorId ? viewOf(store.users.get(record.creatorId), user) : null),
    assignee: () => (record.assigneeId ? viewOf(store.users.get(record.assigneeId), user) : null),
    labels: (args: ListArgs) =>
      list(
        record.labelIds.map((id) => store.labels.get(id)).filter((l): l is SimLabel => l !== undefined),
        args,
        records.label,
        label,
      ),
    comments: (args: ListArgs) =>
      list([...store.comments.values()].filter((c) => c.issueId === record.id), args, records.comment, comment),
    children: (args: ListArgs) => list([], args, records.issue, issue),
    attachments: (args: ListArgs) =>
      list([...store.attachments.values()].filter((a) => a.issueId === record.id), args, records.attachment, attachment),
  });

  const attachment = (record: SimAttachment): View => ({
    __typename: 'Attachment',
    id: record.id,
    title: record.title,
    subtitle: record.subtitle ?? null,
    url: record.url,
    metadata: record.metadata,
    source: null,
    sourceType: null,
    groupBySource: false,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    creator: () => (record.creatorId ? viewOf(store.users.get(record.creatorId), user) : null),
    issue: () => viewOf(store.issues.get(record.issueId), issue),
  });

  const comment = (record: SimComment): View => ({
    __typename: 'Comment',
    id: record.id,
    body: record.body,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    editedAt: record.editedAt ?? null,
    url: appUrl(`/issue/${store.issues.get(record.issueId)?.identifier ?? ''}#comment-${record.id.slice(0, 8)}`),
    issueId: record.issueId,
    userId: record.userId ?? null,
    issue: () => viewOf(store.issues.get(record.issueId), issue),
    user: () => (record.userId ? viewOf(store.users.get(record.userId), user) : null),
    children: (args: ListArgs) => list([], args, records.comment, comment),
  });

  return {
    records,
    list,
    views: { organization, user, team, state, label, issue, comment, attachment },
  };
}

export type Views = ReturnType<typeof createViews>;

function viewOf<T>(record: T | undefined, view: (record: T) => View): View | null {
  return record === undefined ? null : view(record);
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}
