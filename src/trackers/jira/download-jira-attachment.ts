import { AttachmentRefusedError } from '../attachments/attachment-errors.js';
import { fetchAttachment } from '../attachments/fetch-attachment.js';
import { foreignAttachmentError } from '../attachments/foreign-attachment-error.js';
import { TrackerPermanentError } from '../errors.js';
import type { Ticket, TicketAttachment } from '../../domain/index.js';
import type { DownloadOptions } from '../tracker.js';
import type { JiraSite } from './jira-site-of.js';

/**
 * Jira Cloud answers `GET /rest/api/3/attachment/content/{id}` with 303 to its media store,
 * `api.media.atlassian.com`, with a short-lived token in the query string
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-attachments/#api-rest-api-3-attachment-content-id-get).
 */
const ATLASSIAN_MEDIA_HOST = /(^|\.)media\.atlassian\.com$/;

/**
 * Streams a Jira attachment's content through the REST API. The URL is built from the attachment id on
 * the configured site, never taken from the listing, and the API token goes only to that site: the media
 * store gets no credentials (its redirect URL carries its own token).
 */
export function downloadJiraAttachment(
  site: JiraSite | undefined,
  ticket: Ticket,
  attachment: TicketAttachment,
  options: DownloadOptions,
): Promise<Buffer> {
  const foreign = foreignAttachmentError({ name: 'jira', label: 'Jira' }, 'jira-attachment', ticket, attachment);
  if (foreign) return Promise.reject(foreign);
  if (!site) {
    return Promise.reject(
      new TrackerPermanentError('jira', 'unauthorized', 'Downloading Jira attachments needs the Basic credentials of createJiraClient (JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN).'),
    );
  }
  const siteOrigin = new URL(site.baseUrl).origin;
  const authorization = `Basic ${Buffer.from(`${site.email}:${site.apiToken}`, 'utf8').toString('base64')}`;
  return fetchAttachment({
    tracker: 'jira',
    trackerLabel: 'Jira',
    attachment,
    limits: options,
    url: new URL(`${site.baseUrl}/rest/api/3/attachment/content/${encodeURIComponent(attachment.id)}`),
    checkUrl(url) {
      if (url.origin === siteOrigin) return;
      if (url.protocol === 'https:' && ATLASSIAN_MEDIA_HOST.test(url.hostname)) return;
      throw new AttachmentRefusedError(
        'jira',
        `Jira redirected the download of "${attachment.filename}" (${ticket.key}) to ${url.protocol}//${url.host}, which is neither ` +
          `the Jira site (${siteOrigin}) nor Atlassian's media store (https://*.media.atlassian.com); donegate does not follow it.`,
        url.host,
      );
    },
    headersFor: (url): Record<string, string> =>
      url.origin === siteOrigin ? { Authorization: authorization, Accept: '*/*' } : { Accept: '*/*' },
  });
}
