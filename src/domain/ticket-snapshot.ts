import { z } from 'zod';

/** Longest summary kept with a decision: enough to recognise the ticket on a board, never a whole text. */
export const SNAPSHOT_SUMMARY_MAX = 200;
/** Longest assignee name and project key kept. */
export const SNAPSHOT_NAME_MAX = 100;
/** Longest ticket URL kept. */
export const SNAPSHOT_URL_MAX = 2048;

/**
 * What a decision remembers of the ticket it decided, so the board can show it without asking the tracker:
 * its summary, who it is assigned to, its project (team, repository) and where it lives. Summaries and
 * names are written by the people being gated, so they are kept bounded and free of control characters.
 */
export const ticketSnapshotSchema = z.object({
  summary: z.string().max(SNAPSHOT_SUMMARY_MAX),
  assignee: z.string().max(SNAPSHOT_NAME_MAX).optional(),
  project: z.string().max(SNAPSHOT_NAME_MAX),
  /** Only http(s) URLs are kept. */
  url: z.string().max(SNAPSHOT_URL_MAX).regex(/^https?:\/\//).optional(),
});

export type TicketSnapshot = z.infer<typeof ticketSnapshotSchema>;
