import type { Ticket, TicketAttachment } from '../../domain/index.js';
import { linearAttachmentToTicketAttachment } from './linear-attachment-to-ticket-attachment.js';
import { ISSUE_ATTACHMENTS } from './linear-documents.js';
import type { LinearRequest } from './linear-request.js';
import { issueAttachmentsResponse, type IssueAttachments } from './linear-responses.js';

/** A bound so a pathological issue cannot keep a job paging forever (5,000 attachments). */
const MAX_PAGES = 50;

/** Every attachment of the issue, oldest first, one page of 100 per round trip. */
export async function listLinearAttachments(request: LinearRequest, ticket: Ticket): Promise<TicketAttachment[]> {
  const found: TicketAttachment[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { issue }: IssueAttachments = await request(
      ISSUE_ATTACHMENTS,
      { id: ticket.id, after },
      issueAttachmentsResponse,
      `listing the attachments of ${ticket.key}`,
    );
    found.push(...issue.attachments.nodes.map(linearAttachmentToTicketAttachment));
    if (!issue.attachments.pageInfo.hasNextPage || !issue.attachments.pageInfo.endCursor) break;
    after = issue.attachments.pageInfo.endCursor;
  }
  return found;
}
