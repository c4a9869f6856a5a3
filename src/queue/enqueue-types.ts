import type { TicketCommand } from '../domain/index.js';
import type { TicketTransition } from '../domain/index.js';

/** `duplicate`: a job for this delivery already exists, so the tracker's retry changes nothing. */
export type EnqueueResult = { status: 'queued' | 'duplicate'; jobId: string };

export type EnqueueTransition = (transition: TicketTransition) => Promise<EnqueueResult>;

/** Queue a `/donegate` comment command under its delivery's job id, like a transition. */
export type EnqueueCommand = (command: TicketCommand) => Promise<EnqueueResult>;

/** The queue could not take the job (Redis down or too slow). Receivers answer 503 so the tracker retries. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
  constructor(message = 'the job queue is unavailable', options?: { cause?: unknown }) {
    super(message, options);
  }
}
