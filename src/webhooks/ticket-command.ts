export type { TicketCommand } from '../domain/index.js';
