import type { TicketAttachment } from '../../domain/index.js';
import type { LinearAttachmentNode } from './linear-responses.js';

/**
 * A Linear attachment as a TicketAttachment. Linear has no file name or size of its own: the name is the
 * last segment of the URL path when it looks like a file (`report.json`), else the title; size and type
 * come from `metadata` only when an integration put them there.
 */
export function linearAttachmentToTicketAttachment(node: LinearAttachmentNode): TicketAttachment {
  const size = node.metadata['size'];
  const mimeType = node.metadata['contentType'] ?? node.metadata['mimeType'];
  return {
    id: node.id,
    filename: filenameFromUrl(node.url) ?? node.title,
    source: 'linear-attachment',
    url: node.url,
    createdAt: node.createdAt,
    ...(typeof size === 'number' && Number.isInteger(size) && size >= 0 ? { size } : {}),
    ...(typeof mimeType === 'string' && mimeType !== '' ? { mimeType } : {}),
    ...(node.creator ? { author: node.creator.id } : {}),
  };
}

function filenameFromUrl(raw: string): string | undefined {
  let last: string | undefined;
  try {
    last = new URL(raw).pathname.split('/').filter((s) => s !== '').pop();
    last = last === undefined ? undefined : decodeURIComponent(last);
  } catch {
    return undefined;
  }
  return last && /^[^/\\]+\.[A-Za-z0-9]{1,10}$/.test(last) ? last : undefined;
}
