export {
  createLinearSimulator,
  type LinearSimulator,
  type LinearSimulatorOptions,
  type MoveActor,
  type NewAttachment,
  type NewState,
  type NewTeam,
} from './create-linear-simulator.js';
export type { LinearFault, LinearFaultKind } from './fault-queue.js';
export type { LinearIssueWebhookBody, LinearWebhookDelivery } from './issue-webhook-delivery.js';
export type { LinearFileRequestRecord, LinearRequestRecord, LinearSimulatorEvents, LinearViolation } from './linear-simulator-events.js';
export type * from './linear-store.js';
