import { z } from 'zod';

/** Long enough for any CI system's run or job page; short enough that a comment line stays a line. */
export const MAX_CI_RUN_URL_LENGTH = 500;

/**
 * A CI run's page, as the submitter claims it: `https://github.com/acme/ml/actions/runs/123`. It is
 * shown in comments and audit entries, so only an absolute https URL without credentials is taken, and
 * it is stored in its normalised form (`new URL(...).href`).
 */
export const ciRunUrlSchema = z
  .string()
  .max(MAX_CI_RUN_URL_LENGTH, `a CI run URL has at most ${MAX_CI_RUN_URL_LENGTH} characters`)
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'a CI run URL must be an absolute https:// URL' });
      return z.NEVER;
    }
    if (url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'a CI run URL must be an absolute https:// URL' });
      return z.NEVER;
    }
    if (url.username !== '' || url.password !== '') {
      ctx.addIssue({ code: 'custom', message: 'a CI run URL must not carry a user name or password' });
      return z.NEVER;
    }
    if (url.href.length > MAX_CI_RUN_URL_LENGTH) {
      ctx.addIssue({ code: 'custom', message: `a CI run URL has at most ${MAX_CI_RUN_URL_LENGTH} characters` });
      return z.NEVER;
    }
    return url.href;
  })
  // A transform has no JSON Schema of its own: this is what the API description says of both sides.
  .meta({ type: 'string', format: 'uri', description: 'An absolute https:// URL without user name or password, at most 500 characters.' });

/** The normalised URL, or the reason it is refused. */
export function parseCiRunUrl(value: string): { ok: true; url: string } | { ok: false; problem: string } {
  const parsed = ciRunUrlSchema.safeParse(value);
  return parsed.success ? { ok: true, url: parsed.data } : { ok: false, problem: parsed.error.issues[0]?.message ?? 'not a CI run URL' };
}
