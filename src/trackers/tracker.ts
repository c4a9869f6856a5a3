import type { VerdictComment, VerdictProperty } from '../gate/verdict.js';

export type TrackerName = 'jira' | 'linear';

/** A workflow status as the tracker reports it, with the one fact the gate needs: is it a "done" status. */
export interface TicketStatus {
  id: string;
  name: string;
  /** Jira status category key (`new`, `indeterminate`, `done`) or Linear state type (`completed`, …). */
  category: string;
  /** Jira category `done` or Linear type `completed`: a move into it is gated. */
  isDone: boolean;
}

/** A ticket read fresh from its tracker. Never built from a webhook body: deliveries can be stale. */
export interface Ticket {
  tracker: TrackerName;
  /** Jira issue id / Linear issue UUID. */
  id: string;
  /** Jira key (`ML-142`) / Linear identifier (`AI-7`): what people and the API routes use. */
  key: string;
  title: string;
  status: TicketStatus;
  /** Jira project key / Linear team key. */
  project: string;
  /** Jira issue type name; Linear has none. */
  issueType?: string;
  labels: string[];
  url?: string;
  /**
   * The attachments, when the tracker returned them with the ticket itself (both do, in the same
   * request), so `listAttachments` costs no second round trip. Absent: ask `listAttachments`.
   */
  attachments?: TicketAttachment[];
}

/** How to find a ticket: by id, by key, or both (ids win when both are known). */
export interface TicketRef {
  id?: string;
  key?: string;
}

/** A file attached to a ticket, as its tracker lists it. Nothing here is downloaded yet. */
export interface TicketAttachment {
  /** Jira attachment id / Linear attachment UUID. */
  id: string;
  filename: string;
  /** Bytes, as the tracker declares it (Jira always, Linear rarely); never trusted when downloading. */
  size?: number;
  mimeType?: string;
  /** ISO 8601. */
  createdAt?: string;
  /** Jira accountId / Linear user id of whoever attached it. */
  author?: string;
  source: 'jira-attachment' | 'linear-attachment';
  /** Jira: the content URL on the site; Linear: the link the attachment points at. */
  url?: string;
}

/** A ticket's link to something outside the tracker, where artifact references are found. */
export interface TicketLink {
  url: string;
  title?: string;
  source: 'jira-remote-link' | 'linear-attachment';
}

export interface DownloadOptions {
  /** The download stops with AttachmentTooLargeError as soon as more bytes than this are declared or arrive. */
  maxBytes: number;
  signal?: AbortSignal;
}

export type MoveOutcome =
  | { moved: true; toStatusId: string; toStatusName?: string; transitionId?: string }
  | { moved: false; reason: 'no-transition'; detail: string };

/**
 * Everything donegate does to a tracker goes through this interface, so a new tracker
 * (GitHub Issues, say) fits without touching the gate or the worker.
 */
export interface Tracker {
  readonly name: TrackerName;
  /** The account donegate acts as (Jira accountId, Linear viewer id). Its own moves are never gated. */
  selfId(): Promise<string>;
  getTicket(ref: TicketRef): Promise<Ticket>;
  /** Move the ticket to `statusId` (Jira: through a workflow transition; Linear: by setting the state). */
  moveTo(ticket: Ticket, statusId: string): Promise<MoveOutcome>;
  /**
   * Keep exactly one donegate comment on the ticket: edit the one donegate wrote before (found by its
   * author and marker), or create it. Renders the comment in the tracker's own format.
   */
  upsertComment(ticket: Ticket, comment: VerdictComment): Promise<{ commentId: string; created: boolean }>;
  /**
   * Post a new short comment (answers to `/donegate` commands). `text` is plain, with `code` spans in
   * backticks: Jira gets ADF paragraphs, Linear the Markdown as written. Never the verdict comment.
   */
  reply(ticket: Ticket, text: string): Promise<{ commentId: string }>;
  /** Idempotent: adding a label already there, or removing one that is absent, changes nothing. */
  addLabel(ticket: Ticket, label: string): Promise<void>;
  removeLabel(ticket: Ticket, label: string): Promise<void>;
  /**
   * Publish the verdict where tracker-side automation can read it (Jira's issue property, which a
   * workflow validator can check). Absent where the tracker has nowhere to keep it: Linear issues have
   * no machine-readable properties and no validators to feed, so there the verdict lives in the
   * comment, the label and donegate's own records.
   */
  setVerdictProperty?(ticket: Ticket, verdict: VerdictProperty): Promise<void>;
  /**
   * The files attached to the ticket (Jira attachments; Linear attachment links). Optional so that
   * trackers and fakes without attachments still fit; both built-in trackers implement it.
   */
  listAttachments?(ticket: Ticket): Promise<TicketAttachment[]>;
  /**
   * Downloads one attachment listed by `listAttachments`, streaming: refused with AttachmentTooLargeError
   * when the declared size or the bytes received pass `maxBytes` (the body is never buffered unbounded),
   * and with AttachmentRefusedError when its source or host is not allowed.
   *
   * @example
   * const [report] = await tracker.listAttachments!(ticket);
   * const bytes = await tracker.downloadAttachment!(ticket, report, { maxBytes: 5 * 1024 * 1024 });
   */
  downloadAttachment?(ticket: Ticket, attachment: TicketAttachment, options: DownloadOptions): Promise<Buffer>;
  /**
   * The description as plain text with its lines kept, headings as Markdown (`## Artifacts`). Read only
   * to find artifact references; never logged or stored.
   */
  readDescription?(ticket: Ticket): Promise<string>;
  /** Links from the ticket to elsewhere: Jira remote links, Linear attachment links. */
  listLinks?(ticket: Ticket): Promise<TicketLink[]>;
}
