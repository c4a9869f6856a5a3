import type { TrackerName } from './tracker-name.js';

/** A workflow status as the tracker reports it, with the one fact the gate needs: is it a "done" status. */
export interface TicketStatus {
  id: string;
  name: string;
  /** The tracker's own grouping of the status (Jira status category key, Linear state type, …). */
  category: string;
  /** A move into this status is gated (Jira category `done`, Linear type `completed`, …). */
  isDone: boolean;
}

/** A ticket read fresh from its tracker. Never built from a webhook body: deliveries can be stale. */
export interface Ticket {
  tracker: TrackerName;
  /** The tracker's own id (Jira issue id, Linear issue UUID, …). */
  id: string;
  /** What people and the API routes use (`ML-142`, `AI-7`, …); its pattern belongs to the tracker plugin. */
  key: string;
  title: string;
  status: TicketStatus;
  /** Where the ticket lives (Jira project key, Linear team key, …): what the policy's `match` selects on. */
  project: string;
  /** The tracker's issue type name, where it has one (Jira). */
  issueType?: string;
  labels: string[];
  url?: string;
  /** Who the ticket is assigned to, as the tracker shows them (Jira/Linear display name, GitHub login). */
  assignee?: string;
  /**
   * The attachments, when the tracker returned them with the ticket itself, so `listAttachments` costs
   * no second round trip. Absent: ask `listAttachments`.
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
  /** The tracker's attachment id. */
  id: string;
  filename: string;
  /** Bytes, as the tracker declares it; never trusted when downloading. */
  size?: number;
  mimeType?: string;
  /** ISO 8601. */
  createdAt?: string;
  /** The tracker account id of whoever attached it. */
  author?: string;
  /** Which tracker listing it came from (`jira-attachment`, …): one of its plugin's `attachmentSources`. */
  source: string;
  /** Where the content is: the tracker's content URL, or the link the attachment points at. */
  url?: string;
}

/** A ticket's link to something outside the tracker, where artifact references are found. */
export interface TicketLink {
  url: string;
  title?: string;
  /** Which tracker listing it came from (`jira-remote-link`, …): one of its plugin's `attachmentSources`. */
  source: string;
}
