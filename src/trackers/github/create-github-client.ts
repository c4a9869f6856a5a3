import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';

/** A personal or fine-grained token, or a GitHub App acting in one installation. */
export type GithubAuth =
  | { kind: 'token'; token: string }
  | { kind: 'app'; appId: string; privateKey: string; installationId: number };

export interface GithubClientOptions {
  auth: GithubAuth;
  /** `https://api.github.com`, or a GitHub Enterprise Server's `https://HOST/api/v3`. */
  baseUrl: string;
  /** Each request is abandoned after this long, so a hung connection cannot hold a job. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** octokit warns on the console about deprecations; donegate's own logs say what matters. */
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * An octokit client for the tracker. With an App, `@octokit/auth-app` signs a JWT with the private key
 * and trades it for installation tokens, renewing them before they expire (an hour); `/app` requests use
 * the JWT itself. No retry plugin: rate limits and outages surface as tracker errors, which the queue
 * retries with the delay GitHub asked for.
 */
export function createGithubClient(options: GithubClientOptions): Octokit {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const request = {
    fetch: (url: string | URL, init?: RequestInit) => fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) }),
  };
  const common = { baseUrl: options.baseUrl.replace(/\/+$/, ''), userAgent: 'donegate', log: quiet, request };
  if (options.auth.kind === 'token') return new Octokit({ ...common, auth: options.auth.token });
  return new Octokit({
    ...common,
    authStrategy: createAppAuth,
    auth: { appId: options.auth.appId, privateKey: options.auth.privateKey, installationId: options.auth.installationId },
  });
}
