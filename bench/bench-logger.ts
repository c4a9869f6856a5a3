import { pino } from 'pino';
import { createLogger, type Logger } from '../src/logging/logger.js';

/**
 * donegate's own logger at its default level (`info`: one line per delivery and per decision), writing
 * asynchronously to /dev/null: the benchmark pays for serialising and writing log lines as production does,
 * without flooding the terminal.
 */
export function createBenchLogger(): { log: Logger; close(): void } {
  const destination = pino.destination({ dest: '/dev/null', sync: false });
  return { log: createLogger({ level: 'info', destination }), close: () => destination.end() };
}
