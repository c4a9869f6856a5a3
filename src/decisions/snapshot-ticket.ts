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

/** The parts of a snapshot as read (from a tracker, or back from the database), before they are bounded. */
export interface SnapshotParts {
  summary: string;
  assignee?: string | undefined;
  project: string;
  url?: string | undefined;
}

const isSafeUrl = (url: string): boolean => /^https?:\/\//i.test(url) && url.length <= SNAPSHOT_URL_MAX && !/[\s<>"'\\]/.test(url);

/** A snapshot with every text bounded and cleaned; a URL that is not plain http(s) is dropped. */
export function boundSnapshot(parts: SnapshotParts): TicketSnapshot {
  const assignee = parts.assignee === undefined ? '' : boundedText(parts.assignee, SNAPSHOT_NAME_MAX);
  return {
    summary: boundedText(parts.summary, SNAPSHOT_SUMMARY_MAX),
    ...(assignee !== '' ? { assignee } : {}),
    project: boundedText(parts.project, SNAPSHOT_NAME_MAX),
    ...(parts.url !== undefined && isSafeUrl(parts.url) ? { url: parts.url } : {}),
  };
}

/** The part of a ticket a decision keeps (see `ticketSnapshotSchema`). */
export function snapshotTicket(ticket: Ticket): TicketSnapshot {
  return boundSnapshot({ summary: ticket.title, assignee: ticket.assignee, project: ticket.project, url: ticket.url });
}
