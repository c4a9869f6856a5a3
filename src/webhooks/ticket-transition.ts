export type { IgnoreReason, NormalisedDelivery, TicketTransition } from '../domain/index.js';
