import { SNAPSHOT_NAME_MAX, SNAPSHOT_SUMMARY_MAX, SNAPSHOT_URL_MAX, type Ticket, type TicketSnapshot } from '../domain/index.js';

// C0 and C1 controls, and the bidirectional embedding, override and isolate marks that can make a
// summary read differently from what it says (Trojan Source, CVE-2021-42574).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Text as a board may show it: controls become spaces, runs of space one, cut to `max` characters (whole code points). */
export function boundedText(text: string, max: number): string {
  const clean = text.replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/gu, ' ').trim();
  const points = [...clean];
  return points.length <= max ? clean : `${points.slice(0, max - 1).join('')}…`;
}

/** The part of a ticket a decision keeps (see `ticketSnapshotSchema`); a URL that is not http(s) is dropped. */
export function snapshotTicket(ticket: Ticket): TicketSnapshot {
  const assignee = ticket.assignee === undefined ? '' : boundedText(ticket.assignee, SNAPSHOT_NAME_MAX);
  const url = ticket.url !== undefined && /^https?:\/\//i.test(ticket.url) && ticket.url.length <= SNAPSHOT_URL_MAX && !/[\s<>"]/.test(ticket.url) ? ticket.url : undefined;
  return {
    summary: boundedText(ticket.title, SNAPSHOT_SUMMARY_MAX),
    ...(assignee !== '' ? { assignee } : {}),
    project: boundedText(ticket.project, SNAPSHOT_NAME_MAX),
    ...(url !== undefined ? { url } : {}),
  };
}
