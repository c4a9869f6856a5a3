import type { Version3Client } from 'jira.js';
import { VERDICT_PROPERTY_KEY, type VerdictComment, type VerdictProperty } from '../../domain/index.js';
import { TrackerPermanentError } from '../errors.js';
import { createLinkPolicy } from '../render/index.js';
import type { MoveOutcome, Ticket, TicketAttachment, TicketLink, TicketRef } from '../../domain/index.js';
import type { DownloadOptions, Tracker } from '../tracker.js';
import { adfLines } from './adf-lines.js';
import { downloadJiraAttachment } from './download-jira-attachment.js';
import { ATTACHMENT_FIELDS, jiraAttachmentsOf } from './jira-attachments-of.js';
import { findDonegateComment } from './find-donegate-comment.js';
import { jiraIssueToTicket, TICKET_FIELDS } from './jira-issue-to-ticket.js';
import { jiraSiteOf } from './jira-site-of.js';
import {
  jiraCommentPageSchema,
  jiraCommentSchema,
  jiraDescriptionSchema,
  jiraMyselfSchema,
  jiraRemoteLinksSchema,
  jiraTransitionsSchema,
} from './jira-schemas.js';
import { mapJiraError } from './map-jira-error.js';
import { pickTransition } from './pick-transition.js';
import { replyToAdf } from './reply-to-adf.js';
import { verdictToAdf } from './verdict-to-adf.js';

/** What a Jira site can do when its workflow has no way back: only Jira admins edit workflows. */
const JIRA_NO_WAY_BACK_FIX =
  "A Jira admin can add that transition, or block the move before it happens with the workflow validator described in donegate's README";

export interface JiraTrackerDeps {
  client: Version3Client;
  /** JIRA_BASE_URL, to give tickets a `/browse/KEY` link; omitted, tickets carry no url. */
  siteUrl?: string;
  /** Comments asked for per page while looking for donegate's own; default 100. */
  commentPageSize?: number;
  /**
   * Vendor security pages (`host` or `host/path`) that findings may link to, besides the advisory
   * databases in ADVISORY_LINK_HOSTS and the Jira site itself (`siteUrl`).
   */
  advisoryLinkHosts?: string[];
}

/**
 * The Tracker over Jira Cloud REST v3 (jira.js). Every failure leaves as a tracker error that says
 * whether to retry, back off or stop.
 *
 * @example
 * const tracker = createJiraTracker({ client: createJiraClient({ baseUrl, email, apiToken }), siteUrl: baseUrl });
 * const ticket = await tracker.getTicket({ key: 'ML-1' });
 */
export function createJiraTracker(deps: JiraTrackerDeps): Tracker {
  const { client } = deps;
  const pageSize = deps.commentPageSize ?? 100;
  const site = jiraSiteOf(client);
  const links = createLinkPolicy({ advisoryHosts: deps.advisoryLinkHosts ?? [], trackerOrigins: deps.siteUrl ? [deps.siteUrl] : [] });
  let self: Promise<string> | undefined;

  async function call<T>(action: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw mapJiraError(error, action);
    }
  }

  const tracker: Tracker = {
    name: 'jira',

    selfId() {
      self ??= call('read the API user (GET /myself)', () => client.myself.getCurrentUser()).then(
        (user) => jiraMyselfSchema.parse(user).accountId,
        (error: unknown) => {
          self = undefined; // a failed lookup is retried next time, not cached
          throw error;
        },
      );
      return self;
    },

    async displayName(accountId: string): Promise<string | undefined> {
      const user = await call(`read the account ${accountId} (GET /user)`, () => client.users.getUser({ accountId }));
      return typeof user.displayName === 'string' && user.displayName !== '' ? user.displayName : undefined;
    },

    async getTicket(ref: TicketRef): Promise<Ticket> {
      const issueIdOrKey = ref.id ?? ref.key;
      if (!issueIdOrKey) throw new TrackerPermanentError('jira', 'invalid-request', 'A Jira ticket needs an id or a key.');
      const issue = await call(`read issue ${issueIdOrKey}`, () => client.issues.getIssue({ issueIdOrKey, fields: TICKET_FIELDS }));
      return jiraIssueToTicket(issue, deps.siteUrl);
    },

    async moveTo(ticket: Ticket, statusId: string): Promise<MoveOutcome> {
      // Jira lists no transition into the current status; a retried job finding the ticket already
      // there has nothing left to do, which is not the same as "no way back".
      if (ticket.status.id === statusId) return { moved: true, toStatusId: statusId, toStatusName: ticket.status.name };
      const issueIdOrKey = ticket.id;
      const raw = await call(`list the transitions of ${ticket.key}`, () =>
        client.issues.getTransitions({ issueIdOrKey, expand: 'transitions.fields' }),
      );
      const choice = pickTransition(ticket, jiraTransitionsSchema.parse(raw).transitions, statusId);
      if (!choice.found) return { moved: false, reason: 'no-transition', explanation: choice.detail, fix: JIRA_NO_WAY_BACK_FIX };
      const { transition, clearResolution } = choice;
      await call(`move ${ticket.key} through transition '${transition.name}'`, () =>
        client.issues.doTransition({
          issueIdOrKey,
          transition: { id: transition.id },
          ...(clearResolution ? { fields: { resolution: null } } : {}),
        }),
      );
      return { moved: true, toStatusId: statusId, toStatusName: transition.to.name, transitionId: transition.id };
    },

    async upsertComment(ticket: Ticket, comment: VerdictComment) {
      const selfId = await tracker.selfId();
      const issueIdOrKey = ticket.id;
      const existing = await findDonegateComment(async (startAt) => {
        const page = await call(`list the comments of ${ticket.key}`, () =>
          client.issueComments.getComments({ issueIdOrKey, startAt, maxResults: pageSize, orderBy: 'created' }),
        );
        return jiraCommentPageSchema.parse(page);
      }, selfId);
      const body = verdictToAdf(comment, links);
      if (existing) {
        await call(`edit donegate's comment on ${ticket.key}`, () =>
          client.issueComments.updateComment({ issueIdOrKey, id: existing, body }),
        );
        return { commentId: existing, created: false };
      }
      const created = await call(`comment on ${ticket.key}`, () => client.issueComments.addComment({ issueIdOrKey, comment: body }));
      return { commentId: jiraCommentSchema.parse(created).id, created: true };
    },

    async reply(ticket: Ticket, reply: string) {
      const created = await call(`reply on ${ticket.key}`, () =>
        client.issueComments.addComment({ issueIdOrKey: ticket.id, comment: replyToAdf(reply, links) }),
      );
      return { commentId: jiraCommentSchema.parse(created).id };
    },

    // `update.labels` add/remove are idempotent in Jira, and unlike `fields.labels` they cannot
    // overwrite a label someone added between our read and our write.
    async addLabel(ticket: Ticket, label: string) {
      await call(`add label '${label}' to ${ticket.key}`, () =>
        client.issues.editIssue({ issueIdOrKey: ticket.id, update: { labels: [{ add: label }] }, notifyUsers: false }),
      );
    },

    async removeLabel(ticket: Ticket, label: string) {
      await call(`remove label '${label}' from ${ticket.key}`, () =>
        client.issues.editIssue({ issueIdOrKey: ticket.id, update: { labels: [{ remove: label }] }, notifyUsers: false }),
      );
    },

    async setVerdictProperty(ticket: Ticket, verdict: VerdictProperty) {
      await call(`set issue property ${VERDICT_PROPERTY_KEY} on ${ticket.key}`, () =>
        client.issueProperties.setIssueProperty({ issueIdOrKey: ticket.id, propertyKey: VERDICT_PROPERTY_KEY, propertyValue: verdict }),
      );
    },

    async listAttachments(ticket: Ticket): Promise<TicketAttachment[]> {
      if (ticket.attachments) return ticket.attachments;
      const issue = await call(`list the attachments of ${ticket.key}`, () =>
        client.issues.getIssue({ issueIdOrKey: ticket.id, fields: ATTACHMENT_FIELDS }),
      );
      return jiraAttachmentsOf(issue);
    },

    // jira.js reads every body whole through axios; the download is a streamed fetch with the same credentials.
    downloadAttachment: (ticket: Ticket, attachment: TicketAttachment, options: DownloadOptions) =>
      downloadJiraAttachment(site, ticket, attachment, options),

    // Asked for apart from getTicket: descriptions can be long, and only artifact checks read them.
    async readDescription(ticket: Ticket): Promise<string> {
      const issue = await call(`read the description of ${ticket.key}`, () => client.issues.getIssue({ issueIdOrKey: ticket.id, fields: ['description'] }));
      return adfLines(jiraDescriptionSchema.parse(issue).fields.description).join('\n');
    },

    async listLinks(ticket: Ticket): Promise<TicketLink[]> {
      const links = await call(`list the remote links of ${ticket.key}`, () => client.issueRemoteLinks.getRemoteIssueLinks({ issueIdOrKey: ticket.id }));
      return jiraRemoteLinksSchema.parse(links).map((link) => ({ url: link.object.url, ...(link.object.title ? { title: link.object.title } : {}), source: 'jira-remote-link' as const }));
    },
  };
  return tracker;
}
