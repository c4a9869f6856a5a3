import { JiraHttpError } from '../jira-http-error.js';
import { representAttachment } from '../represent.js';
import type { SimAttachment } from '../types.js';
import type { Handler, HandlerContext, HandlerResult } from './handler.js';

function findAttachment(ctx: HandlerContext): SimAttachment {
  const attachment = ctx.state.findAttachment(ctx.params['id'] ?? '');
  if (!attachment) throw new JiraHttpError(404, { errorMessages: [`Attachment with id '${ctx.params['id'] ?? ''}' does not exist`], errors: {} });
  return attachment;
}

/** GET /rest/api/3/attachment/{id}: the attachment's metadata. */
export const getAttachment: Handler = (ctx) => ({ status: 200, body: representAttachment(ctx.v3, findAttachment(ctx)) });

/**
 * GET /rest/api/3/attachment/content/{id}: Jira Cloud answers 303 to its media store; the simulator
 * redirects to itself with `redirect=false`, which the contract documents as answering the content (200).
 */
export const getAttachmentContent: Handler = (ctx): HandlerResult => {
  const attachment = findAttachment(ctx);
  if (ctx.query.get('redirect') !== 'false') {
    return { status: 303, headers: { Location: `${ctx.v3.baseUrl}/rest/api/3/attachment/content/${attachment.id}?redirect=false` } };
  }
  return {
    status: 200,
    headers: { 'Content-Disposition': `attachment; filename="${attachment.filename.replace(/["\\\r\n]/g, '_')}"` },
    raw: { content: attachment.content, contentType: attachment.mimeType, streamed: attachment.streamed },
  };
};
