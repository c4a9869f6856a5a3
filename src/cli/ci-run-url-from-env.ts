import { parseCiRunUrl } from '../domain/index.js';

/**
 * The page of the CI run this process runs in, from the variables the CI system sets: GitHub Actions'
 * `GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID`, or GitLab's `CI_JOB_URL`.
 * https://docs.github.com/en/actions/reference/variables-reference ·
 * https://docs.gitlab.com/ci/variables/predefined_variables/
 */
export function ciRunUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, CI_JOB_URL } = env;
  if (GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID) return `${GITHUB_SERVER_URL.replace(/\/+$/, '')}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`;
  return CI_JOB_URL || undefined;
}

/**
 * The run URL to send: `--ci-run-url` when given (refused when it is not an absolute https URL: the
 * caller asked for it), else the CI system's own (left out when it is not one, as on a plain-http
 * GitLab: donegate would refuse the upload for it).
 */
export function resolveCiRunUrl(explicit: string | undefined, env: NodeJS.ProcessEnv): { ok: true; url?: string } | { ok: false; problem: string } {
  if (explicit !== undefined) {
    const parsed = parseCiRunUrl(explicit);
    return parsed.ok ? { ok: true, url: parsed.url } : { ok: false, problem: `--ci-run-url: ${parsed.problem}` };
  }
  const fromEnv = ciRunUrlFromEnv(env);
  const parsed = fromEnv === undefined ? undefined : parseCiRunUrl(fromEnv);
  return parsed?.ok ? { ok: true, url: parsed.url } : { ok: true };
}
