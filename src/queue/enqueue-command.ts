import type { Queue } from 'bullmq';
import type { TicketCommand } from '../domain/index.js';
import { addDeliveryJob, type AddDeliveryJobOptions } from './add-delivery-job.js';
import type { EnqueueCommand, EnqueueMeta } from './enqueue-types.js';
import { jobIdForDelivery } from './job-id.js';

/** Put a `/donegate` comment command on the queue under its delivery's job id, so retries are no-ops. */
export function createEnqueueCommand(queue: Queue, options: AddDeliveryJobOptions & { now?: () => Date } = {}): EnqueueCommand {
  const now = options.now ?? (() => new Date());
  return (command: TicketCommand, meta?: EnqueueMeta) =>
    addDeliveryJob(queue, 'handle-command', { command, receivedAt: now().toISOString(), ...(meta?.requestId === undefined ? {} : { requestId: meta.requestId }) }, jobIdForDelivery(command.tracker, command.deliveryId), options);
}
