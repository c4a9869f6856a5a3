import type { Ticket } from '../domain/index.js';
import type { JobPayload } from '../queue/job-catalog.js';
import { TrackerPermanentError } from '../trackers/errors.js';
import { giveUpOrRetry } from './give-up-or-retry.js';
import { countedSend } from './count-send.js';
import type { Notice } from './notice.js';
import type { NotifyDeps, NotifyResult } from './notify-deps.js';
import { routeEvent } from './route-event.js';

/**
 * The `notify` job: read the ticket fresh (its title and project, for the message and the routes), then
 * tell each routed channel that has not heard of the event yet — at once, or by holding it for the
 * channel's digest. Channels told are recorded one by one, so a retry only tries the ones that failed.
 */
export function createNotify(deps: NotifyDeps) {
  return async function notify({ event }: JobPayload<'notify'>, context: { isLastAttempt: boolean }): Promise<NotifyResult> {
    const result: NotifyResult = { sent: 0, held: 0 };
    const policy = deps.policy().notifications;
    const tracker = deps.trackers[event.tracker];
    if (policy === undefined || policy.routes.length === 0 || tracker === undefined) return result;
    let ticket: Ticket;
    try {
      ticket = await tracker.getTicket({ key: event.ticketKey });
    } catch (error) {
      if (!(error instanceof TrackerPermanentError)) throw error;
      // Gone, or the tracker refuses us for good: there is nothing to say about it; the decision stands on record.
      deps.log.error({ event: event.kind, eventId: event.id, ticket: event.ticketKey, err: { name: error.name, message: error.message } }, 'notification given up');
      return result;
    }
    const routed = routeEvent(policy, event.kind, ticket);
    const notice: Notice = { event, ticket: { title: ticket.title, project: ticket.project, ...(ticket.url === undefined ? {} : { url: ticket.url }) } };
    const failures: Array<{ channel: string; error: unknown }> = [];
    for (const name of routed) {
      const channel = policy.channels[name];
      if (channel === undefined || (await deps.sent.has(event.id, name))) continue;
      if (channel.digest === 'daily') {
        await deps.sent.holdForDigest(notice, name);
        deps.metrics?.notifications.inc({ channel_kind: channel.kind, event: event.kind, result: 'held' });
        result.held += 1;
        continue;
      }
      try {
        await countedSend(deps, name, channel, event.kind, { id: event.id, notice });
        await deps.sent.markSent(notice, name, (deps.now ?? (() => new Date()))());
        result.sent += 1;
      } catch (error) {
        failures.push({ channel: name, error });
      }
    }
    if (failures.length > 0) giveUpOrRetry(deps.log, failures, { event: event.kind, eventId: event.id, ticket: event.ticketKey }, context.isLastAttempt);
    return result;
  };
}

export type Notify = ReturnType<typeof createNotify>;
