import { AttachmentRefusedError } from '../attachments/attachment-errors.js';
import { fetchAttachment } from '../attachments/fetch-attachment.js';
import { foreignAttachmentError } from '../attachments/foreign-attachment-error.js';
import type { Ticket, TicketAttachment } from '../../domain/index.js';
import type { DownloadOptions } from '../tracker.js';

export interface LinearDownloadPolicy {
  /** Hosts attachment content may be fetched from (`hostname`, or `hostname:port`). */
  attachmentHosts: readonly string[];
  /** The GraphQL endpoint: its origin already receives the API key, so files served there may too. */
  apiUrl: string;
  /** The `Authorization` value the LinearClient sends (the API key, or `Bearer <token>`). */
  authorization: string | undefined;
}

/** Linear serves uploaded files from this host, and only to requests carrying the API key. */
export const LINEAR_UPLOADS_HOST = 'uploads.linear.app';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Downloads what a Linear attachment links to, from allowed hosts only. Every hop (the link and any
 * redirect) must be https, or http on loopback (the simulator), and on an allowed host. The API key is
 * sent only to Linear's own file host and to the API's origin, never to an operator's artifact store or
 * any other third party, even an allowed one.
 */
export function downloadLinearAttachment(
  policy: LinearDownloadPolicy,
  ticket: Ticket,
  attachment: TicketAttachment,
  options: DownloadOptions,
): Promise<Buffer> {
  const refuse = (message: string, host?: string) => Promise.reject(new AttachmentRefusedError('linear', message, host));
  const foreign = foreignAttachmentError({ name: 'linear', label: 'Linear' }, 'linear-attachment', ticket, attachment);
  if (foreign) return Promise.reject(foreign);
  let url: URL;
  try {
    url = new URL(attachment.url ?? '');
  } catch {
    return refuse(`Attachment "${attachment.filename}" on ${ticket.key} has no usable URL (${attachment.url ?? 'none'}).`);
  }
  const apiOrigin = new URL(policy.apiUrl).origin;
  const allowed = new Set(policy.attachmentHosts.map((h) => h.toLowerCase()));
  const isLinearHost = (u: URL) => u.hostname === LINEAR_UPLOADS_HOST || u.origin === apiOrigin;

  return fetchAttachment({
    tracker: 'linear',
    trackerLabel: 'Linear',
    attachment,
    limits: options,
    url,
    checkUrl(hop) {
      const where = `${hop.protocol}//${hop.host}`;
      if (hop.protocol !== 'https:' && !(hop.protocol === 'http:' && LOOPBACK.has(hop.hostname))) {
        throw new AttachmentRefusedError('linear', `Attachment "${attachment.filename}" on ${ticket.key} is served over ${hop.protocol} from ${where}; donegate downloads over https only.`, hop.host);
      }
      if (!allowed.has(hop.hostname.toLowerCase()) && !allowed.has(hop.host.toLowerCase())) {
        throw new AttachmentRefusedError(
          'linear',
          `Attachment "${attachment.filename}" on ${ticket.key} is on ${hop.host}, which is not an allowed attachment host; ` +
            `add "${hop.hostname}" to the Linear tracker's attachmentHosts option (now: ${[...allowed].join(', ') || 'none'}) if evidence may come from there.`,
          hop.host,
        );
      }
    },
    headersFor: (hop): Record<string, string> =>
      isLinearHost(hop) && policy.authorization ? { Authorization: policy.authorization, Accept: '*/*' } : { Accept: '*/*' },
  });
}
