import type { NotificationEvent } from '../domain/index.js';

/** An event with what the tracker said of its ticket when it was sent: what every message is made of. */
export interface Notice {
  event: NotificationEvent;
  ticket: { title: string; project: string; url?: string };
}

const TITLE_MAX = 200;

/** One plain line per notice; callers escape it for their medium. */
export function describeNotice({ event, ticket }: Notice): { headline: string; detail: string } {
  const title = ticket.title.length > TITLE_MAX ? `${ticket.title.slice(0, TITLE_MAX - 1)}…` : ticket.title;
  switch (event.kind) {
    case 'ticket-blocked':
      return {
        headline: `${event.ticketKey} blocked from Done: ${title}`,
        detail: `Rule ${event.rule}; missing or failing: ${event.failing.join(', ') || 'see the ticket comment'}.`,
      };
    case 'ticket-unblocked':
      return { headline: `${event.ticketKey} now passes the gate: ${title}`, detail: `Rule ${event.rule}; the evidence it lacked is in.` };
    case 'waiver-expiring':
      return {
        headline: `Waiver on ${event.ticketKey} expires ${event.expiresAt.slice(0, 10)}: ${title}`,
        detail: `Criterion ${event.criterion}; renew it or supply the evidence before then.`,
      };
  }
}
