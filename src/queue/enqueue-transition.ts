import type { Queue } from 'bullmq';
import type { TicketTransition } from '../domain/index.js';
import { addDeliveryJob, type AddDeliveryJobOptions } from './add-delivery-job.js';
import type { EnqueueMeta, EnqueueTransition } from './enqueue-types.js';
import { jobIdForDelivery } from './job-id.js';

/** Put a transition on the queue under its delivery's job id, so the tracker's retries are no-ops. */
export function createEnqueueTransition(queue: Queue, options: AddDeliveryJobOptions & { now?: () => Date } = {}): EnqueueTransition {
  const now = options.now ?? (() => new Date());
  return (transition: TicketTransition, meta?: EnqueueMeta) =>
    addDeliveryJob(queue, 'decide-transition', { transition, receivedAt: now().toISOString(), ...(meta?.requestId === undefined ? {} : { requestId: meta.requestId }) }, jobIdForDelivery(transition.tracker, transition.deliveryId), options);
}
