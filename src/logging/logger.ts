import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Paths that may carry secrets or ticket text. Webhook bodies are never logged whole, but a careless
 * `log.info({ payload })` must still not leak: pino replaces these with "[redacted]".
 */
export const REDACT_PATHS = [
  'secret',
  '*.secret',
  'apiKey',
  '*.apiKey',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'description',
  '*.description',
  'body',
  '*.body',
  'payload',
  '*.payload',
];

export interface LoggerOptions {
  level?: string;
  destination?: DestinationStream;
  /** More paths to redact, such as each tracker's signature header (`trackerRedactPaths()`). */
  redact?: readonly string[];
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'donegate',
      level: options.level ?? 'info',
      redact: { paths: [...REDACT_PATHS, ...(options.redact ?? [])], censor: '[redacted]' },
    },
    options.destination,
  );
}

export type { Logger };
