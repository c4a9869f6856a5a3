import type { TicketCommand } from '../domain/index.js';
import type { TicketTransition } from '../domain/index.js';

/** `duplicate`: a job for this delivery already exists, so the tracker's retry changes nothing. */
export type EnqueueResult = { status: 'queued' | 'duplicate'; jobId: string };

/** About the request that brought the job: its id is carried into the job so the worker's lines name it too. */
export interface EnqueueMeta {
  requestId?: string;
}

export type EnqueueTransition = (transition: TicketTransition, meta?: EnqueueMeta) => Promise<EnqueueResult>;

/** Queue a `/donegate` comment command under its delivery's job id, like a transition. */
export type EnqueueCommand = (command: TicketCommand, meta?: EnqueueMeta) => Promise<EnqueueResult>;

/** The queue could not take the job (Redis down or too slow). Receivers answer 503 so the tracker retries. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
  constructor(message = 'the job queue is unavailable', options?: { cause?: unknown }) {
    super(message, options);
  }
}
