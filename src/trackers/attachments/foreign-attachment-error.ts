import type { Ticket, TicketAttachment, TrackerName } from '../../domain/index.js';
import { AttachmentRefusedError } from './attachment-errors.js';

/**
 * A tracker downloads only its own kind of attachment (`ownSource`): anything else listed on the ticket
 * (a remote link, another tracker's file) is refused before any request, naming the file and its source.
 */
export function foreignAttachmentError(
  tracker: { name: TrackerName; label: string },
  ownSource: string,
  ticket: Pick<Ticket, 'key'>,
  attachment: Pick<TicketAttachment, 'filename' | 'source'>,
): AttachmentRefusedError | undefined {
  if (attachment.source === ownSource) return undefined;
  return new AttachmentRefusedError(
    tracker.name,
    `"${attachment.filename}" is a ${attachment.source}; the ${tracker.label} tracker downloads only ${tracker.label} attachments of ${ticket.key}.`,
  );
}
