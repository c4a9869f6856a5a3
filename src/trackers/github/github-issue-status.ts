import type { TicketStatus } from '../../domain/index.js';

/** Status ids of a GitHub issue: open, or closed for one of GitHub's two reasons. */
export const GITHUB_OPEN = 'open';
export const GITHUB_CLOSED_COMPLETED = 'closed-completed';
export const GITHUB_CLOSED_NOT_PLANNED = 'closed-not-planned';

/**
 * An issue's state as a status. Only "closed as completed" is done: "closed as not planned" ends the work
 * without delivering it, so there is nothing to gate. A closed issue without a reason (closed before
 * GitHub kept reasons, or through the API without one) counts as completed, GitHub's default.
 */
export function githubIssueStatus(state: string, stateReason: string | null | undefined): TicketStatus {
  if (state !== 'closed') return { id: GITHUB_OPEN, name: 'Open', category: 'open', isDone: false };
  if (stateReason === 'not_planned' || stateReason === 'duplicate') {
    return { id: GITHUB_CLOSED_NOT_PLANNED, name: 'Closed as not planned', category: stateReason, isDone: false };
  }
  return { id: GITHUB_CLOSED_COMPLETED, name: 'Closed', category: 'completed', isDone: true };
}
