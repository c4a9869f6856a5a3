import type { LinearClient } from '@linear/sdk';
import type { VerdictComment } from '../../domain/index.js';
import { TrackerPermanentError } from '../errors.js';
import type { MoveOutcome, Ticket, TicketAttachment, TicketLink, TicketRef } from '../../domain/index.js';
import type { DownloadOptions, Tracker } from '../tracker.js';
import { downloadLinearAttachment, LINEAR_UPLOADS_HOST, type LinearDownloadPolicy } from './download-linear-attachment.js';
import { ensureLabel, readLabelContext } from './ensure-label.js';
import { findOwnComment } from './find-own-comment.js';
import { linearAttachmentToTicketAttachment } from './linear-attachment-to-ticket-attachment.js';
import { listLinearAttachments } from './list-linear-attachments.js';
import { ADD_LABEL, CREATE_COMMENT, ISSUE, ISSUE_DESCRIPTION, MOVE_ISSUE, REMOVE_LABEL, UPDATE_COMMENT, USER, VIEWER } from './linear-documents.js';
import { createLinearRequest } from './linear-request.js';
import {
  addLabelResponse,
  commentCreateResponse,
  commentUpdateResponse,
  issueDescriptionResponse,
  issueResponse,
  moveIssueResponse,
  removeLabelResponse,
  userResponse,
  viewerResponse,
} from './linear-responses.js';
import { createLinkPolicy } from '../render/index.js';
import { replyToMarkdown, verdictToMarkdown } from '../render/markdown/index.js';

export interface LinearTrackerDeps {
  /** `new LinearClient({ apiKey: env.LINEAR_API_KEY, apiUrl: env.LINEAR_API_URL })`. */
  client: LinearClient;
  /**
   * Hosts whose attachment content donegate may download (`hostname` or `hostname:port`): Linear's own
   * file host and the operator's artifact hosts. Other links are refused. Default `['uploads.linear.app']`.
   * The API key is sent only to Linear's hosts, never to the others.
   */
  attachmentHosts?: string[];
  /**
   * Vendor security pages (`host` or `host/path`) that findings may link to, besides the advisory
   * databases in ADVISORY_LINK_HOSTS. Links to linear.app are never made from ticket or report text:
   * Linear turns a profile or issue URL in Markdown into a mention
   * (https://github.com/linear/linear/issues/351), so such URLs are shown as code.
   */
  advisoryLinkHosts?: string[];
}

/**
 * The Linear side of the Tracker interface, over @linear/sdk 88.3.0. Each operation is one or two
 * GraphQL round trips (see linear-documents.ts); errors arrive as TrackerRateLimitedError,
 * TrackerPermanentError or TrackerUnavailableError.
 *
 * @example
 * const tracker = createLinearTracker({ client: new LinearClient({ apiKey, apiUrl }) });
 * const ticket = await tracker.getTicket({ key: 'AI-7' });
 */
export function createLinearTracker(deps: LinearTrackerDeps): Tracker {
  const request = createLinearRequest(deps.client);
  let viewerId: Promise<string> | undefined;
  const labelIds = new Map<string, string>();
  const links = createLinkPolicy({ advisoryHosts: deps.advisoryLinkHosts ?? [] });
  const downloadPolicy: LinearDownloadPolicy = {
    attachmentHosts: deps.attachmentHosts ?? [LINEAR_UPLOADS_HOST],
    apiUrl: deps.client.options.apiUrl,
    authorization: new Headers(deps.client.options.headers).get('authorization') ?? undefined,
  };

  const selfId = (): Promise<string> => {
    if (!viewerId) {
      const lookup = request(VIEWER, {}, viewerResponse, 'reading the API key owner').then(({ viewer }) => viewer.id);
      // A failed lookup is not cached: the next call asks again.
      lookup.catch(() => {
        if (viewerId === lookup) viewerId = undefined;
      });
      viewerId = lookup;
    }
    return viewerId;
  };

  return {
    name: 'linear',
    selfId,

    async displayName(accountId: string): Promise<string | undefined> {
      const { user } = await request(USER, { id: accountId }, userResponse, `reading user ${accountId}`);
      return user.name === '' ? undefined : user.name;
    },

    async getTicket(ref: TicketRef): Promise<Ticket> {
      const id = ref.id ?? ref.key;
      if (!id) throw new TrackerPermanentError('linear', 'invalid-request', 'A Linear ticket reference needs an issue id or identifier (AI-7).');
      const { issue } = await request(ISSUE, { id }, issueResponse, `reading issue ${id}`);
      return {
        tracker: 'linear',
        id: issue.id,
        key: issue.identifier,
        title: issue.title,
        status: {
          id: issue.state.id,
          name: issue.state.name,
          category: issue.state.type,
          isDone: issue.state.type === 'completed',
        },
        project: issue.team.key,
        labels: issue.labels.nodes.map((label) => label.name),
        url: issue.url,
        ...(issue.assignee ? { assignee: issue.assignee.displayName } : {}),
        // The first page came with the issue; a ticket with more leaves listAttachments to page through them.
        ...(issue.attachments.pageInfo.hasNextPage ? {} : { attachments: issue.attachments.nodes.map(linearAttachmentToTicketAttachment) }),
      };
    },

    async moveTo(ticket: Ticket, statusId: string): Promise<MoveOutcome> {
      // Linear has no workflow transitions: any state of the issue's team can be set directly.
      const { issueUpdate } = await request(MOVE_ISSUE, { id: ticket.id, stateId: statusId }, moveIssueResponse, `moving ${ticket.key}`);
      if (!issueUpdate.success || !issueUpdate.issue) {
        return {
          moved: false,
          reason: 'no-transition',
          explanation: `Linear did not apply the state change to ${ticket.key}`,
          // Linear has no workflow transitions to add: a refused state change is about who may edit the issue.
          fix: "A Linear workspace admin can check that donegate's API key may edit this team's issues and that the team still has that state",
        };
      }
      return { moved: true, toStatusId: issueUpdate.issue.state.id, toStatusName: issueUpdate.issue.state.name };
    },

    async upsertComment(ticket: Ticket, comment: VerdictComment) {
      const action = `commenting on ${ticket.key}`;
      const body = verdictToMarkdown(comment, links);
      const existing = await findOwnComment(request, ticket.id, await selfId(), action);
      if (existing) {
        const { commentUpdate } = await request(UPDATE_COMMENT, { id: existing, body }, commentUpdateResponse, action);
        return { commentId: commentUpdate.comment.id, created: false };
      }
      const { commentCreate } = await request(CREATE_COMMENT, { issueId: ticket.id, body }, commentCreateResponse, action);
      return { commentId: commentCreate.comment.id, created: true };
    },

    async reply(ticket: Ticket, reply: string) {
      const body = replyToMarkdown(reply, links);
      const { commentCreate } = await request(CREATE_COMMENT, { issueId: ticket.id, body }, commentCreateResponse, `replying on ${ticket.key}`);
      return { commentId: commentCreate.comment.id };
    },

    async addLabel(ticket: Ticket, label: string): Promise<void> {
      const action = `labelling ${ticket.key} "${label}"`;
      // The label's id rarely changes: remembered per team, it saves a lookup on every blocked ticket.
      // A label deleted since is refused by Linear; then it is looked up (or created) again.
      const cacheKey = `${ticket.project}\u0000${label.toLowerCase()}`;
      const known = labelIds.get(cacheKey);
      if (known && !ticket.labels.some((present) => present.toLowerCase() === label.toLowerCase())) {
        try {
          await request(ADD_LABEL, { id: ticket.id, labelId: known }, addLabelResponse, action);
          return;
        } catch (error) {
          if (!(error instanceof TrackerPermanentError) || (error.fault !== 'invalid-request' && error.fault !== 'not-found')) throw error;
          labelIds.delete(cacheKey);
        }
      }
      const context = await readLabelContext(request, ticket.id, label, action);
      if (context.issue.labels.nodes.some((present) => present.name.toLowerCase() === label.toLowerCase())) return;
      const labelId = await ensureLabel(request, context, label, action);
      await request(ADD_LABEL, { id: ticket.id, labelId }, addLabelResponse, action);
      labelIds.set(cacheKey, labelId);
    },

    async removeLabel(ticket: Ticket, label: string): Promise<void> {
      const action = `removing label "${label}" from ${ticket.key}`;
      const context = await readLabelContext(request, ticket.id, label, action);
      const present = context.issue.labels.nodes.filter((candidate) => candidate.name.toLowerCase() === label.toLowerCase());
      for (const { id } of present) await request(REMOVE_LABEL, { id: ticket.id, labelId: id }, removeLabelResponse, action);
    },

    listAttachments: async (ticket: Ticket): Promise<TicketAttachment[]> => ticket.attachments ?? listLinearAttachments(request, ticket),

    downloadAttachment: (ticket: Ticket, attachment: TicketAttachment, options: DownloadOptions) =>
      downloadLinearAttachment(downloadPolicy, ticket, attachment, options),

    async readDescription(ticket: Ticket): Promise<string> {
      const { issue } = await request(ISSUE_DESCRIPTION, { id: ticket.id }, issueDescriptionResponse, `reading the description of ${ticket.key}`);
      return issue.description ?? '';
    },

    // Linear's attachments are links (to a PR, a file, a bucket object): each one's URL is a link here.
    async listLinks(ticket: Ticket): Promise<TicketLink[]> {
      const attachments = ticket.attachments ?? (await listLinearAttachments(request, ticket));
      return attachments.flatMap((a) => (a.url ? [{ url: a.url, title: a.filename, source: 'linear-attachment' as const }] : []));
    },
  };
}
