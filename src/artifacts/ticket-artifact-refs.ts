import { createTicketDescriptionReader, type ReadTicketDescription } from '../trackers/read-ticket-description.js';
import type { Ticket, TrackerName } from '../domain/index.js';
import type { Tracker } from '../trackers/tracker.js';
import type { ArtifactRef } from './artifact-ref.js';
import { artifactRefOfLink, artifactRefsInDescription } from './find-artifact-refs.js';

export type FindTicketArtifacts = (ticket: Ticket) => Promise<ArtifactRef[]>;

/**
 * The artifacts a ticket names itself: its description's "Artifacts" section and its links (Jira remote
 * links, Linear attachment links). A tracker failure propagates, so the criterion reports `error`
 * rather than judging a ticket it could not read.
 */
export function createTicketArtifactFinder(
  trackers: Partial<Record<TrackerName, Tracker>>,
  readDescription: ReadTicketDescription = createTicketDescriptionReader(trackers),
): FindTicketArtifacts {
  return async (ticket) => {
    const tracker = trackers[ticket.tracker];
    if (!tracker) return [];
    const [description, links] = await Promise.all([readDescription(ticket), tracker.listLinks?.(ticket) ?? []]);
    return [
      ...artifactRefsInDescription(description),
      ...links.flatMap((link) => artifactRefOfLink(link.url, link.source) ?? []),
    ];
  };
}
