import type { MoveOutcome, Ticket, TicketAttachment, TicketLink, TicketRef, TrackerName, VerdictComment, VerdictProperty } from '../domain/index.js';

export interface DownloadOptions {
  /** The download stops with AttachmentTooLargeError as soon as more bytes than this are declared or arrive. */
  maxBytes: number;
  signal?: AbortSignal;
}

/**
 * Everything donegate does to a tracker goes through this interface, so a new tracker
 * (GitHub Issues, say) fits without touching the gate or the worker.
 */
export interface Tracker {
  readonly name: TrackerName;
  /** The account donegate acts as (Jira accountId, Linear viewer id). Its own moves are never gated. */
  selfId(): Promise<string>;
  getTicket(ref: TicketRef): Promise<Ticket>;
  /**
   * The key of a ticket that a delivery could name only indirectly (a GitHub board move names the
   * project item, not the issue it holds); `undefined` when the ref is already the ticket's own. The
   * worker asks before it takes the ticket's lock, so every job about one ticket shares that lock and
   * its decisions are found under the ticket's key. Absent where deliveries always name the ticket.
   */
  resolveKey?(ref: TicketRef): Promise<string | undefined>;
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
  /**
   * The name the tracker shows for an account (Jira `GET /user?accountId=`, Linear `user(id)`, GitHub
   * `GET /users/{login}`), for reports that name people; undefined when the tracker has none to give.
   */
  displayName?(accountId: string): Promise<string | undefined>;
}
