import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { resolveCiRunUrl } from './ci-run-url-from-env.js';
import { DEFAULT_RETRY_SCHEDULE } from './retry-schedule.js';
import { networkProblem, sendWithRetries, type SendWithRetriesDeps } from './send-with-retries.js';

export interface SubmitOptions {
  tracker: string;
  ticket: string;
  criterion: string;
  file: string;
  format?: string;
  source?: string;
  /** The CI run's https page; default: from GitHub Actions' or GitLab's variables. */
  ciRunUrl?: string;
  /** Retries after a network error or a 429/5xx answer (default 4; 0 sends once). */
  retries?: number;
}

export interface Streams {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/**
 * `donegate evidence submit`: upload a report to a running donegate (`DONEGATE_URL`, `DONEGATE_TOKEN`).
 * Exit 0 accepted, 1 rejected by donegate (unreadable report, wrong token or scope, too large),
 * 2 usage or network error — so a CI step can tell "fix the report" from "fix the pipeline".
 */
export async function submitEvidence(options: SubmitOptions, env: NodeJS.ProcessEnv, { out, err }: Streams, retry: RetryDeps = {}): Promise<UploadOutcome> {
  const endpoint = donegateEndpoint(env, err);
  if (!endpoint) return { code: 2 };
  let bytes: Buffer;
  try {
    bytes = await readFile(options.file);
  } catch (error) {
    err.write(`donegate: cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return { code: 2 };
  }
  const { file, ...fields } = options;
  return uploadEvidence({ ...fields, bytes, filename: basename(file) }, endpoint, env, { out, err }, retry);
}

/** `DONEGATE_URL` and `DONEGATE_TOKEN`, or undefined after saying which to set. */
export function donegateEndpoint(env: NodeJS.ProcessEnv, err: NodeJS.WritableStream): { url: string; token: string } | undefined {
  const url = env.DONEGATE_URL?.trim();
  const token = env.DONEGATE_TOKEN?.trim();
  if (url && token) return { url, token };
  err.write(`donegate: set ${!url ? 'DONEGATE_URL (e.g. https://donegate.example.com)' : ''}${!url && !token ? ' and ' : ''}${!token ? 'DONEGATE_TOKEN (a ci token: donegate token create --role ci …)' : ''}\n`);
  return undefined;
}

export interface EvidenceUpload extends Omit<SubmitOptions, 'file'> {
  bytes: Buffer;
  filename: string;
}

/** The evidence an upload stored, as `--wait` follows it. */
export interface AcceptedEvidence {
  id: string;
  tracker: string;
  ticket: string;
  criterion: string;
  reevaluation: 'queued' | 'not-queued';
}

/** The exit code of an upload (0 accepted, 1 refused, 2 server or network error), and what was stored. */
export interface UploadOutcome {
  code: number;
  accepted?: AcceptedEvidence;
}

/** How retries wait; tests shorten them. */
export type RetryDeps = Omit<SendWithRetriesDeps, 'err'>;

/**
 * POST a report to `/api/v1/evidence` and print what donegate made of it. Shared by `evidence submit`
 * and `scan --submit`. Network errors, 429 and 5xx answers are retried (`--retries`), every attempt with
 * the same Idempotency-Key, so a retry after a lost answer does not store the report twice.
 */
export async function uploadEvidence(
  options: EvidenceUpload,
  { url, token }: { url: string; token: string },
  env: NodeJS.ProcessEnv,
  { out, err }: Streams,
  retry: RetryDeps = {},
): Promise<UploadOutcome> {
  const run = resolveCiRunUrl(options.ciRunUrl, env);
  if (!run.ok) {
    err.write(`donegate: ${run.problem}\n`);
    return { code: 2 };
  }
  const form = new FormData();
  form.set('tracker', options.tracker);
  form.set('ticket', options.ticket);
  form.set('criterion', options.criterion);
  if (options.format) form.set('format', options.format);
  form.set('source', options.source ?? (env.GITHUB_ACTIONS ? 'ci:github-actions' : env.GITLAB_CI ? 'ci:gitlab' : 'cli'));
  if (run.url) form.set('ciRunUrl', run.url);
  form.set('report', new Blob([options.bytes]), options.filename);

  const headers = { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() };
  const schedule = { ...(retry.schedule ?? DEFAULT_RETRY_SCHEDULE), ...(options.retries !== undefined ? { retries: options.retries } : {}) };
  const sent = await sendWithRetries(() => fetch(new URL('/api/v1/evidence', url), { method: 'POST', headers, body: form }), { ...retry, schedule, err });
  if (!sent.ok) {
    err.write(`donegate: cannot reach ${url}: ${networkProblem(sent.error)}\n`);
    return { code: 2 };
  }
  const { response } = sent;
  const body = sent.body as {
    error?: { code: string; message: string };
    evidence?: { id: string; tracker?: string; ticket?: string; format: string; summary: string; details: string[]; sha256: string };
    reevaluation?: 'queued' | 'not-queued';
  };
  if (response.status === 201 && body.evidence) {
    const e = body.evidence;
    out.write(`accepted: ${options.criterion} evidence for ${options.tracker} ${options.ticket.toUpperCase()} (${e.format}, sha256 ${e.sha256.slice(0, 12)}…)\n`);
    out.write(`  ${e.summary}\n`);
    for (const line of e.details) out.write(`  - ${line}\n`);
    out.write(body.reevaluation === 'queued' ? '  the ticket is being re-evaluated; its donegate comment will update shortly\n' : '  stored; the ticket is evaluated on its next move to Done\n');
    const reevaluation = body.reevaluation === 'queued' ? 'queued' : 'not-queued';
    return { code: 0, accepted: { id: e.id, tracker: e.tracker ?? options.tracker, ticket: e.ticket ?? options.ticket.toUpperCase(), criterion: options.criterion, reevaluation } };
  }
  err.write(`rejected (HTTP ${response.status}${body.error ? ` ${body.error.code}` : ''}): ${body.error?.message ?? response.statusText}\n`);
  return { code: response.status >= 500 ? 2 : 1 };
}
