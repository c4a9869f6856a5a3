import { UnrecoverableError } from 'bullmq';
import type { Logger } from '../logging/logger.js';
import { NotifyChannelError } from './notify-errors.js';

/**
 * After some channels failed: on the last attempt, or for a channel that can never work as configured, say
 * so in one log line and stop; otherwise throw, so the queue retries (channels already told are skipped).
 */
export function giveUpOrRetry(log: Logger, failures: ReadonlyArray<{ channel: string; error: unknown }>, what: Record<string, string>, isLastAttempt: boolean): never {
  const first = failures[0]!.error;
  const permanent = failures.every(({ error }) => error instanceof NotifyChannelError);
  const described = failures.map(({ channel, error }) => ({ channel, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
  if (permanent || isLastAttempt) {
    log.error({ ...what, failures: described }, 'notification given up');
    throw new UnrecoverableError(first instanceof Error ? first.message : String(first));
  }
  log.warn({ ...what, failures: described }, 'notification failed; will retry');
  throw first;
}
