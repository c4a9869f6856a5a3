import type { Logger } from './logger.js';

/** How often a dependency that stays down is logged again. */
export const STILL_DOWN_EVERY_MS = 60_000;

export interface DependencyWatchOptions {
  /** What operators call it: `Redis`, `PostgreSQL`. */
  name: string;
  /** The variable that points at it (`REDIS_URL`), so the line says what to check. */
  variable: string;
  /** Its URL; written without user, password, query or fragment. */
  url: string;
  log: Logger;
  /** Milliseconds since the epoch; injected so tests can move the clock. */
  now?: () => number;
}

/** Told of every failure and success of one dependency; turns a flood of errors into a few clear lines. */
export interface DependencyWatch {
  /** A connection or check failed. */
  failed(error: unknown): void;
  /** A connection is ready again or a check passed. */
  reachable(): void;
  readonly down: boolean;
}

/**
 * One error line when a dependency first fails (`cannot reach Redis at redis://10.0.0.5:6379 (REDIS_URL):
 * connect ECONNREFUSED`), at most one a minute while it stays down, and one info line when it is back —
 * instead of a reconnect warning every half second and never a line that says what is wrong.
 */
export function watchDependency(options: DependencyWatchOptions): DependencyWatch {
  const now = options.now ?? Date.now;
  const where = `${options.name} at ${displayUrl(options.url)} (${options.variable})`;
  const secrets = secretsOf(options.url);
  const fields = { dependency: options.name, variable: options.variable };
  let outage: { since: number; lastLogged: number; errors: number } | undefined;

  return {
    get down() {
      return outage !== undefined;
    },
    failed(error) {
      const reason = scrub(reasonOf(error), secrets);
      const at = now();
      if (outage === undefined) {
        outage = { since: at, lastLogged: at, errors: 1 };
        options.log.error({ ...fields, reason }, `cannot reach ${where}: ${reason}`);
        return;
      }
      outage.errors += 1;
      if (at - outage.lastLogged < STILL_DOWN_EVERY_MS) return;
      const down = formatDuration(at - outage.since);
      options.log.error({ ...fields, reason, downForMs: at - outage.since, errors: outage.errors }, `still cannot reach ${where} for ${down}, ${outage.errors} errors since: ${reason}`);
      outage.lastLogged = at;
    },
    reachable() {
      if (outage === undefined) return;
      const downForMs = now() - outage.since;
      options.log.info({ ...fields, downForMs, errors: outage.errors }, `${where} is reachable again after ${formatDuration(downForMs)}`);
      outage = undefined;
    },
  };
}

/** Run a readiness check, telling the watch how it went; the check's own error still reaches the caller. */
export async function watched<T>(watch: DependencyWatch, check: () => Promise<T>): Promise<T> {
  try {
    const result = await check();
    watch.reachable();
    return result;
  } catch (error) {
    watch.failed(error);
    throw error;
  }
}

/** `redis://10.0.0.5:6379/0`: scheme, host, port and path only; user, password and query never reach a log. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '(an unreadable URL)';
  }
}

function secretsOf(url: string): string[] {
  try {
    const parsed = new URL(url);
    const values = [parsed.password, decodeURIComponent(parsed.password), ...[...parsed.searchParams.values()]];
    return values.filter((value) => value.length >= 3);
  } catch {
    return [];
  }
}

function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text);
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // AggregateError (IPv4 and IPv6 both refused) has an empty message and the reasons inside.
  if (message === '' && error instanceof AggregateError) return error.errors.map((e: unknown) => reasonOf(e)).join('; ');
  if (message !== '') return message.split('\n', 1)[0]!.slice(0, 300);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

/** `45s`, `2m`, `1h 5m`. */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE']);

/** A network fault reaching a dependency, as opposed to a fault of ours (which is logged as such). */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection is closed|connect ETIMEDOUT|ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH/.test(message);
}
