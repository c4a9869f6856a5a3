/**
 * The words every layer shares. Imports nothing of donegate's own (only zod), so any folder may use it
 * without creating an import cycle.
 */
export * from './ci-run-url.js';
export * from './criterion-result.js';
export * from './donegate-command.js';
export * from './evidence-provenance.js';
export * from './move-outcome.js';
export * from './normalised-delivery.js';
export * from './notification-event.js';
export * from './role.js';
export * from './ticket-command.js';
export * from './ticket-transition.js';
export * from './ticket.js';
export * from './tracker-name.js';
export * from './verdict.js';
export * from './ticket-snapshot.js';
