import type { NotificationEventKind, Ticket } from '../domain/index.js';
import { matchesTicket } from '../policy/match-rule.js';
import type { NotificationPolicy } from '../policy/policy-schema.js';

/** The channels every route that takes this kind of event for this ticket names, each once, in policy order. */
export function routeEvent(policy: NotificationPolicy, kind: NotificationEventKind, ticket: Ticket): string[] {
  const channels = policy.routes
    .filter((route) => route.events.includes(kind) && (route.match === undefined || matchesTicket(route.match, ticket)))
    .flatMap((route) => route.channels);
  return [...new Set(channels)];
}
