import type { Streams, UploadOutcome } from './evidence-submit.js';
import { parseDuration } from './parse-duration.js';

/** `--retries`, `--wait` and `--timeout` as commander hands them over. */
export interface SubmitFlags {
  retries?: string;
  wait?: boolean;
  timeout?: string;
}

export const DEFAULT_WAIT_TIMEOUT = '5m';

/** The flags checked: retries as a number, the wait's timeout in ms (undefined without --wait), or what is wrong. */
export function readSubmitFlags(flags: SubmitFlags): { ok: true; retries?: number; waitMs?: number } | { ok: false; problem: string } {
  if (flags.retries !== undefined && !/^\d{1,2}$/.test(flags.retries)) return { ok: false, problem: '--retries takes a whole number from 0 (no retries) to 99, such as 4' };
  if (flags.timeout !== undefined && !flags.wait) return { ok: false, problem: '--timeout only applies with --wait' };
  const waitMs = flags.wait ? parseDuration(flags.timeout ?? DEFAULT_WAIT_TIMEOUT) : undefined;
  if (flags.wait && waitMs === undefined) return { ok: false, problem: '--timeout takes a duration such as 90s, 10m or 1h' };
  return { ok: true, ...(flags.retries !== undefined ? { retries: Number(flags.retries) } : {}), ...(waitMs !== undefined ? { waitMs } : {}) };
}

/** With --wait, once every upload was accepted: the verdict's exit code; otherwise the uploads'. */
export async function exitAfterUploads(outcomes: readonly UploadOutcome[], waitMs: number | undefined, env: NodeJS.ProcessEnv, streams: Streams): Promise<number> {
  const failed = outcomes.find((outcome) => outcome.code !== 0);
  if (failed) return failed.code;
  if (waitMs === undefined) return 0;
  // Loaded here, not with the flags: `scan` checks them on every run, and uploads on few.
  const [{ donegateEndpoint }, { waitForVerdicts }] = await Promise.all([import('./evidence-submit.js'), import('./wait-for-verdict.js')]);
  const endpoint = donegateEndpoint(env, streams.err);
  if (!endpoint) return 2;
  return waitForVerdicts(outcomes.flatMap((outcome) => (outcome.accepted ? [outcome.accepted] : [])), { ...streams, endpoint, timeoutMs: waitMs });
}
