import type { Ticket, TrackerName } from '../domain/index.js';
import type { Tracker } from './tracker.js';

/** A ticket's description as plain text (Jira ADF flattened to lines); empty when the tracker keeps none. */
export type ReadTicketDescription = (ticket: Ticket) => Promise<string>;

/**
 * Reads descriptions through the ticket's tracker. Criteria evaluated together (the artifacts and the
 * datasets a ticket names) ask at the same moment, so a read still in flight is shared instead of
 * repeated; once it settles the next evaluation reads afresh, so an edited description is never missed.
 * A tracker failure propagates: a criterion that needs the description then reports `error`.
 */
export function createTicketDescriptionReader(trackers: Partial<Record<TrackerName, Tracker>>): ReadTicketDescription {
  const inFlight = new Map<string, Promise<string>>();
  return (ticket) => {
    const tracker = trackers[ticket.tracker];
    if (!tracker?.readDescription) return Promise.resolve('');
    const key = `${ticket.tracker}:${ticket.id}`;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const read = tracker.readDescription(ticket).finally(() => inFlight.delete(key));
    inFlight.set(key, read);
    return read;
  };
}
