import type { Queue } from 'bullmq';
import type { TicketTransition } from '../domain/index.js';
import { addDeliveryJob, type AddDeliveryJobOptions } from './add-delivery-job.js';
import type { EnqueueTransition } from './enqueue-types.js';
import { jobIdForDelivery } from './job-id.js';

/** Put a transition on the queue under its delivery's job id, so the tracker's retries are no-ops. */
export function createEnqueueTransition(queue: Queue, options: AddDeliveryJobOptions & { now?: () => Date } = {}): EnqueueTransition {
  const now = options.now ?? (() => new Date());
  return (transition: TicketTransition) =>
    addDeliveryJob(queue, 'decide-transition', { transition, receivedAt: now().toISOString() }, jobIdForDelivery(transition.tracker, transition.deliveryId), options);
}
