import type { TrackerName } from '../../domain/index.js';

/**
 * The attachment is larger than the caller allows: its declared size, its `Content-Length`, or the bytes
 * streamed so far passed `maxBytes`. Retrying cannot help; the evidence has to be smaller (or the limit
 * raised).
 */
export class AttachmentTooLargeError extends Error {
  override readonly name = 'AttachmentTooLargeError';
  readonly code = 'DONEGATE_ATTACHMENT_TOO_LARGE';
  constructor(
    readonly tracker: TrackerName,
    readonly filename: string,
    readonly maxBytes: number,
    /** Where the size showed: the tracker's declared size, the `Content-Length` header, or the bytes received. */
    readonly detectedBy: 'declared-size' | 'content-length' | 'streamed-bytes',
    readonly observedBytes: number,
  ) {
    const seen =
      detectedBy === 'streamed-bytes'
        ? `more than ${maxBytes} bytes arrived`
        : `${detectedBy === 'declared-size' ? `${tracker} declares` : 'the server announces'} ${observedBytes} bytes`;
    super(
      `Attachment "${filename}" is over the ${maxBytes}-byte limit (${seen}); the download was stopped. ` +
        'Attach a smaller file (a summary report rather than raw data), or raise the limit.',
    );
  }
}

/**
 * donegate will not fetch this attachment: its source is not this tracker's, its host is not allowed,
 * its scheme is not https, or a redirect leads somewhere it may not go. The message names what to change.
 */
export class AttachmentRefusedError extends Error {
  override readonly name = 'AttachmentRefusedError';
  readonly code = 'DONEGATE_ATTACHMENT_REFUSED';
  constructor(
    readonly tracker: TrackerName,
    message: string,
    /** The host that was refused, when a host was the reason. */
    readonly host?: string,
  ) {
    super(message);
  }
}
