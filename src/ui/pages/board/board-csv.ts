import { stringify } from 'csv-stringify/sync';
import type { BoardTicket } from '../../../decisions/list-board-tickets.js';
import { boardState } from './board-state.js';

const HEADER = ['tracker', 'ticket', 'url', 'summary', 'assignee', 'project', 'state', 'missing', 'failing_since', 'times_blocked', 'last_decided'];

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) gets a
 * leading `'`, so a summary like `=HYPERLINK(...)` stays text (OWASP "CSV Injection").
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The board's view as CSV (RFC 4180, CRLF), every cell text and neutralised. */
export function boardCsv(tickets: readonly BoardTicket[]): string {
  const rows = tickets.map((t) => [
    t.tracker,
    t.ticketKey,
    t.ticket?.url ?? '',
    t.ticket?.summary ?? '',
    t.ticket?.assignee ?? '',
    t.project,
    boardState(t),
    t.unmet.length > 0 ? t.unmet.map((u) => `${u.criterion}: ${u.reason}`).join('; ') : (t.reason ?? ''),
    t.since.toISOString(),
    String(t.times),
    t.decidedAt.toISOString(),
  ]);
  return stringify([HEADER, ...rows].map((row) => row.map(neutraliseFormula)), { record_delimiter: 'windows' });
}
