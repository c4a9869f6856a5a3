import type { TicketAttachment } from '../domain/index.js';
import { DATA_EXTENSIONS } from './attachment-data-scan.js';

/** Every report format donegate reads is JSON: SARIF files are JSON named `.sarif`, Yarn's audits JSON Lines. */
const REPORT_EXTENSIONS = new Set(['json', 'sarif', 'jsonl', 'ndjson']);
/** Types that are never a JSON report: screenshots, documents, archives, media. */
const NOT_A_REPORT_TYPE =
  /^(image|video|audio|font|model)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|x-rar-compressed|msword|vnd\.ms-|vnd\.openxmlformats|vnd\.oasis\.opendocument)/i;

export type AttachmentTriage = { download: true } | { download: false; reason: 'not-a-report' | 'too-large' };

/**
 * Decides from the listing alone whether an attachment is worth downloading. This is only an
 * optimisation: names and types are chosen by whoever attached the file, so a report is recognised by
 * its content (the criteria's parsers), never by this. What it buys is not downloading every screenshot
 * and design PDF on a ticket at each evaluation. A name without an extension (Linear names links by their
 * title) and vague types such as `application/octet-stream` (Jira's default) are downloaded and looked at.
 */
export function triageAttachment(attachment: TicketAttachment, maxBytes: number, options: { data?: boolean } = {}): AttachmentTriage {
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(attachment.filename)?.[1]?.toLowerCase();
  const wanted = REPORT_EXTENSIONS.has(extension ?? '') || (options.data === true && DATA_EXTENSIONS.has(extension ?? ''));
  if (extension !== undefined && !wanted) return { download: false, reason: 'not-a-report' };
  const gzippedData = options.data === true && /gzip/i.test(attachment.mimeType ?? '');
  if (attachment.mimeType !== undefined && NOT_A_REPORT_TYPE.test(attachment.mimeType) && !gzippedData) return { download: false, reason: 'not-a-report' };
  // The tracker's download refuses it too; checking here keeps a known-large file from costing a request.
  if (attachment.size !== undefined && attachment.size > maxBytes) return { download: false, reason: 'too-large' };
  return { download: true };
}
