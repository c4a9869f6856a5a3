import { issueUpdateDelivery } from '../issue-webhook-delivery.js';
import type { LinearSimulator } from '../linear-simulator.js';
import type { LinearSimulatorEmitter } from '../linear-simulator-events.js';
import { findIssue, requireIssue, requireTeam, statesOfTeam, type LinearStore } from '../linear-store.js';
import { createIssue, createLabel, updateIssue } from '../linear-writes.js';

type IssueSetup = Pick<LinearSimulator, 'addLabel' | 'addIssue' | 'issue' | 'stateOf' | 'labelNamesOf' | 'moveIssue'>;

interface IssueDeps {
  store: LinearStore;
  events: LinearSimulatorEmitter;
  people: Pick<LinearSimulator, 'addUser'>;
  /** The id of the workspace's one webhook, carried by every delivery. */
  webhookId: string;
  webhookSecret?: string;
}

/** Issues and their labels; moving one on the board yields the webhook Linear would send. */
export function createIssueSetup({ store, events, people, webhookId, webhookSecret }: IssueDeps): IssueSetup {
  return {
    addLabel: (label) => createLabel(store, label.teamId ? { ...label, teamId: requireTeam(store, label.teamId).id } : label),
    addIssue: (issue) => {
      const created = createIssue(store, issue);
      return { ...created, labelIds: [...created.labelIds] };
    },
    issue: (idOrIdentifier) => {
      const issue = findIssue(store, idOrIdentifier);
      return issue ? { ...issue, labelIds: [...issue.labelIds] } : undefined;
    },
    stateOf: (idOrIdentifier) => store.states.get(requireIssue(store, idOrIdentifier).stateId),
    labelNamesOf: (idOrIdentifier) =>
      requireIssue(store, idOrIdentifier).labelIds.flatMap((id) => {
        const label = store.labels.get(id);
        return label ? [label.name] : [];
      }),
    moveIssue(idOrIdentifier, toStateId, { actorId, actorName }) {
      const issue = requireIssue(store, idOrIdentifier);
      const target =
        store.states.get(toStateId) ?? statesOfTeam(store, issue.teamId).find((state) => state.name === toStateId);
      if (!target || target.teamId !== issue.teamId) {
        throw new Error(`Linear simulator: ${toStateId} is not a workflow state of ${issue.identifier}'s team`);
      }
      const actor = store.users.get(actorId) ?? people.addUser({ id: actorId, name: actorName ?? 'Board User' });
      const previous = updateIssue(store, issue, { stateId: target.id });
      events.emit('issue-updated', { issue: { ...issue }, previous, source: 'board' });
      return issueUpdateDelivery({
        store,
        issue,
        previous,
        actor: actorName ? { ...actor, name: actorName } : actor,
        webhookId,
        ...(webhookSecret ? { webhookSecret } : {}),
      });
    },
  };
}
