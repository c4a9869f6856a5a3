import type { TicketAttachment } from '../../domain/index.js';
import { jiraAttachmentFieldSchema } from './jira-schemas.js';

/** The one field `listAttachments` asks for. */
export const ATTACHMENT_FIELDS = ['attachment'];

/** A Jira issue's `attachment` field as TicketAttachments, oldest first as Jira lists them. */
export function jiraAttachmentsOf(raw: unknown): TicketAttachment[] {
  const { fields } = jiraAttachmentFieldSchema.parse(raw);
  return (fields.attachment ?? []).map((a) => ({
    id: a.id,
    filename: a.filename,
    source: 'jira-attachment',
    ...(a.size !== undefined ? { size: a.size } : {}),
    ...(a.mimeType ? { mimeType: a.mimeType } : {}),
    ...(a.created ? { createdAt: a.created } : {}),
    ...(a.author?.accountId ? { author: a.author.accountId } : {}),
    ...(a.content ? { url: a.content } : {}),
  }));
}
