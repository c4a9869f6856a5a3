import type { Ticket } from '../../domain/index.js';
import type { JiraTransition } from './jira-schemas.js';

export type TransitionChoice =
  | { found: true; transition: JiraTransition; clearResolution: boolean }
  | { found: false; detail: string };

/**
 * The workflow transition that leads to `statusId`. Clearing the resolution is asked for only when the
 * transition's screen shows the field (Jira refuses it otherwise) and the target is not itself done:
 * a ticket back in progress must not keep "Resolution: Done".
 */
export function pickTransition(ticket: Ticket, transitions: JiraTransition[], statusId: string): TransitionChoice {
  const transition = transitions.find((t) => t.to.id === statusId);
  if (transition) {
    const clearResolution = transition.fields?.resolution !== undefined && transition.to.statusCategory?.key !== 'done';
    return { found: true, transition, clearResolution };
  }
  const offered = transitions.map((t) => `'${t.to.name}' (${t.to.id})`);
  return {
    found: false,
    detail:
      `No workflow transition leads from '${ticket.status.name}' (${ticket.status.id}) to status ${statusId}; ` +
      (offered.length > 0 ? `from '${ticket.status.name}' the workflow offers only ${offered.join(', ')}.` : `'${ticket.status.name}' has no outgoing transitions.`),
  };
}
