import { TrackerPermanentError, TrackerRateLimitedError, TrackerUnavailableError } from '../errors.js';
import type { TicketAttachment, TrackerName } from '../../domain/index.js';
import type { DownloadOptions } from '../tracker.js';
import { AttachmentRefusedError, AttachmentTooLargeError } from './attachment-errors.js';
import { readLimitedBody } from './read-limited-body.js';

export interface AttachmentFetch {
  tracker: TrackerName;
  /** The tracker's name for people ("Jira"), for messages. */
  trackerLabel: string;
  /** The file as the tracker lists it: its name for messages, and its declared size, which over `limits.maxBytes` refuses before any request. */
  attachment: Pick<TicketAttachment, 'filename' | 'size'>;
  /** The caller's limit and cancellation, as `Tracker.downloadAttachment` is given them. */
  limits: DownloadOptions;
  url: URL;
  /** The whole download, redirects included; default 60 s, so a trickling server cannot hold a job. */
  timeoutMs?: number;
  /** Default 3: Jira sends one redirect to its media store; more means something is wrong. */
  maxRedirects?: number;
  /** Throws AttachmentRefusedError when `url` may not be fetched; asked for the first URL and every redirect. */
  checkUrl(url: URL): void;
  /** Headers for a request to `url`: credentials only to the hosts they belong to. */
  headersFor(url: URL): Record<string, string>;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_REDIRECTS = 3;

/**
 * Downloads an attachment with fetch, following redirects by hand so that every hop is checked and
 * credentials are chosen per host (fetch's own redirect handling would carry headers along). Size is
 * checked three times: the declared size, `Content-Length`, then the bytes actually streamed.
 */
export async function fetchAttachment(request: AttachmentFetch): Promise<Buffer> {
  const { tracker } = request;
  const { filename, size: declaredSize } = request.attachment;
  const { maxBytes, signal: callerSignal } = request.limits;
  if (declaredSize !== undefined && declaredSize > maxBytes) {
    throw new AttachmentTooLargeError(tracker, filename, maxBytes, 'declared-size', declaredSize);
  }
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
  const maxRedirects = request.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const name = request.trackerLabel;

  try {
    let url = request.url;
    for (let hop = 0; ; hop++) {
      request.checkUrl(url);
      const response = await fetch(url, { headers: request.headersFor(url), redirect: 'manual', signal });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= maxRedirects) {
          throw new AttachmentRefusedError(tracker, `Attachment "${filename}" redirected more than ${maxRedirects} times; donegate stopped following.`);
        }
        url = new URL(location, url);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw statusError(tracker, name, response, `downloading attachment "${filename}" from ${url.host}`);
      }
      const length = Number(response.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(length) && length > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new AttachmentTooLargeError(tracker, filename, maxBytes, 'content-length', length);
      }
      return await readLimitedBody(response.body, { tracker, filename, maxBytes });
    }
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (timeout.aborted) {
      throw new TrackerUnavailableError(tracker, `Downloading attachment "${filename}" took longer than ${request.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms; will retry.`);
    }
    if (
      error instanceof AttachmentTooLargeError ||
      error instanceof AttachmentRefusedError ||
      error instanceof TrackerPermanentError ||
      error instanceof TrackerRateLimitedError ||
      error instanceof TrackerUnavailableError
    ) {
      throw error;
    }
    // fetch itself failed (DNS, refused or reset connection). Its cause never carries our headers.
    const reason = error instanceof Error ? error.message : String(error);
    throw new TrackerUnavailableError(tracker, `Could not download attachment "${filename}": ${reason}; will retry.`);
  }
}

function statusError(tracker: TrackerName, name: string, response: Response, action: string): Error {
  const { status } = response;
  if (status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return new TrackerRateLimitedError(tracker, Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 5_000);
  }
  const said = `${name} answered ${status} while ${action}`;
  if (status >= 500) return new TrackerUnavailableError(tracker, `${said}; will retry.`, status);
  if (status === 401) return new TrackerPermanentError(tracker, 'unauthorized', `${said}: check the credentials donegate uses for ${name}.`, status);
  if (status === 403) return new TrackerPermanentError(tracker, 'forbidden', `${said}: give donegate's account access to the ticket and its attachments.`, status);
  if (status === 404) return new TrackerPermanentError(tracker, 'not-found', `${said}: the attachment was deleted, or donegate's account cannot see it.`, status);
  return new TrackerPermanentError(tracker, 'invalid-request', `${said}.`, status);
}
