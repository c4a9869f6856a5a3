import type { BoardTicket } from '../../../decisions/list-board-tickets.js';

/** The ticket's state in words: blocked and moved back, warned only, or not checkable. */
export function boardState(ticket: BoardTicket): string {
  if (ticket.outcome === 'error') return 'could not be checked';
  if (ticket.mode === 'warn') return 'warned (not moved back)';
  return ticket.status !== undefined ? `blocked, back in ${ticket.status}` : 'blocked';
}
