import type { Filterable } from './match-filter.js';
import type {
  LinearStore,
  SimAttachment,
  SimComment,
  SimIssue,
  SimLabel,
  SimTeam,
  SimUser,
  SimWorkflowState,
} from './linear-store.js';

/**
 * What a GraphQL `filter` argument is matched against, per entity: the fields Linear's filters offer that
 * donegate and the SDK use, with related entities nested as Linear nests them (`issue.team.key`).
 */
export function createFilterRecords(store: LinearStore, viewerId: string) {
  const records = {
    user: (user: SimUser): Filterable => ({ id: user.id, name: user.name, email: user.email, isMe: user.id === viewerId, active: true }),
    team: (team: SimTeam): Filterable => ({ id: team.id, key: team.key, name: team.name }),
    state: (state: SimWorkflowState): Filterable => ({
      id: state.id,
      name: state.name,
      type: state.type,
      position: state.position,
      team: teamRecord(state.teamId),
    }),
    label: (label: SimLabel): Filterable => ({
      id: label.id,
      name: label.name,
      isGroup: false,
      team: label.teamId ? teamRecord(label.teamId) : null,
      creator: label.creatorId ? userRecord(label.creatorId) : null,
    }),
    issue: (issue: SimIssue): Filterable => ({
      id: issue.id,
      number: issue.number,
      title: issue.title,
      team: teamRecord(issue.teamId),
      state: stateRecord(issue.stateId),
    }),
    attachment: (attachment: SimAttachment): Filterable => ({
      id: attachment.id,
      title: attachment.title,
      subtitle: attachment.subtitle ?? null,
      url: attachment.url,
      creator: attachment.creatorId ? userRecord(attachment.creatorId) : null,
    }),
    comment: (comment: SimComment): Filterable => ({
      id: comment.id,
      body: comment.body,
      user: comment.userId ? userRecord(comment.userId) : null,
      issue: issueRecord(comment.issueId),
    }),
  };

  function teamRecord(id: string): Filterable | null {
    const team = store.teams.get(id);
    return team ? records.team(team) : null;
  }
  function userRecord(id: string): Filterable | null {
    const user = store.users.get(id);
    return user ? records.user(user) : null;
  }
  function stateRecord(id: string): Filterable | null {
    const state = store.states.get(id);
    return state ? records.state(state) : null;
  }
  function issueRecord(id: string): Filterable | null {
    const issue = store.issues.get(id);
    return issue ? records.issue(issue) : null;
  }
  return records;
}
