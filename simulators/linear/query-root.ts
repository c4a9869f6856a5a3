import { entityNotFound } from './linear-error-bodies.js';
import { findIssue, findTeam, type LinearStore } from './linear-store.js';
import type { View, Views } from './linear-views.js';

type IdArgs = { id: string };
type ListArgs = Parameters<Views['list']>[1];

/** The `Query` root: lookups throw Linear's "Entity not found" like the real API, lists page and filter. */
export function createQueryRoot(store: LinearStore, viewerId: string, { views, records, list }: Views): View {
  const need = <T>(value: T | undefined, entity: string): T => {
    if (value === undefined) throw entityNotFound(entity);
    return value;
  };
  return {
    viewer: () => views.user(need(store.users.get(viewerId), 'User')),
    organization: () => views.organization(),
    user: ({ id }: IdArgs) => views.user(need(store.users.get(id), 'User')),
    users: (args: ListArgs) => list([...store.users.values()], args, records.user, views.user),
    team: ({ id }: IdArgs) => views.team(need(findTeam(store, id), 'Team')),
    teams: (args: ListArgs) => list([...store.teams.values()], args, records.team, views.team),
    workflowState: ({ id }: IdArgs) => views.state(need(store.states.get(id), 'WorkflowState')),
    workflowStates: (args: ListArgs) => list([...store.states.values()], args, records.state, views.state),
    issue: ({ id }: IdArgs) => views.issue(need(findIssue(store, id), 'Issue')),
    issues: (args: ListArgs) => list([...store.issues.values()], args, records.issue, views.issue),
    issueLabel: ({ id }: IdArgs) => views.label(need(store.labels.get(id), 'IssueLabel')),
    issueLabels: (args: ListArgs) => list([...store.labels.values()], args, records.label, views.label),
    comment: ({ id }: { id?: string | null }) => views.comment(need(id ? store.comments.get(id) : undefined, 'Comment')),
    comments: (args: ListArgs) => list([...store.comments.values()], args, records.comment, views.comment),
  };
}
