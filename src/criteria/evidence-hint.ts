import type { Ticket } from '../domain/index.js';

/** The command a CI job or an engineer runs to attach evidence for `criterion` to this ticket. */
export function submitCommand(ticket: Ticket, criterion: string, file: string): string {
  return `donegate evidence submit --tracker ${ticket.tracker} --ticket ${ticket.key} --criterion ${criterion} ${file}`;
}
