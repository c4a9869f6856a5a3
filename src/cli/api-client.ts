import type { z } from 'zod';

/** A running donegate and the token to call it with. */
export interface ServiceTarget {
  url: string;
  token: string;
}

/** What a call made of the answer: the parsed body, or the exit code and the line to print. */
export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; exitCode: 1 | 2; message: string };

/** `--url`, else `DONEGATE_URL`; undefined means: work on the database directly. */
export function serviceUrlOf(option: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const url = (option ?? env.DONEGATE_URL)?.trim();
  return url === '' ? undefined : url;
}

/**
 * The service to call, or why not. The token is read from `DONEGATE_TOKEN` only, never from a flag: a
 * command line shows in `ps` and in shell history.
 */
export function serviceTarget(url: string, env: NodeJS.ProcessEnv): ServiceTarget | { problem: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: `--url ${url.slice(0, 200)} is not a URL; give the service's base URL, e.g. https://donegate.example.com` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { problem: `--url must be an http(s) URL, not ${parsed.protocol}` };
  const token = env.DONEGATE_TOKEN?.trim();
  if (!token) return { problem: 'set DONEGATE_TOKEN to an admin token (the initial admin token the service printed on its first start, or one made with it); it is never taken as a flag' };
  return { url, token };
}

/**
 * Call `/api/v1/<path>` and map the answer to the CLI's exit codes: 2xx ok; 401, 403 and 404 exit 1
 * (refused or not found); 400 and 409 exit 2 (usage: bad input, a duplicate name), as the commands do on
 * the database; a 5xx, a body not of the expected shape or an unreachable service exit 2.
 */
export async function callApi<T>(target: ServiceTarget, method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(new URL(`/api/v1/${path}`, target.url), {
      method,
      headers: { authorization: `Bearer ${target.token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
    return { ok: false, exitCode: 2, message: `cannot reach ${target.url}: ${cause}` };
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const detail = typeof error?.message === 'string' ? error.message : response.statusText;
    const code = typeof error?.code === 'string' ? ` ${error.code}` : '';
    return { ok: false, exitCode: [401, 403, 404].includes(response.status) ? 1 : 2, message: `refused (HTTP ${response.status}${code}): ${detail}` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, exitCode: 2, message: `${target.url} answered ${method} /api/v1/${path} with an unexpected body; is it a donegate of this version?` };
  return { ok: true, status: response.status, body: parsed.data };
}
