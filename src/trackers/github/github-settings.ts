import { z } from 'zod';
import { nonEmpty, optionalNonEmpty } from '../../env/env-values.js';
import { trackerUrl } from '../../env/tracker-url.js';
import type { GithubAuth } from './create-github-client.js';

/**
 * The variable that switches GitHub on. Credentials come in two forms (a token, or an App's three
 * values), so they cannot all be switches: the schema below requires exactly one complete form.
 */
export const GITHUB_SWITCHES = ['GITHUB_WEBHOOK_SECRET'] as const;

const APP_VARIABLES = ['GITHUB_APP_ID', 'GITHUB_APP_PRIVATE_KEY', 'GITHUB_APP_INSTALLATION_ID'] as const;

/**
 * App credentials without the webhook secret would leave GitHub off without a word: they count as half a
 * set-up. `GITHUB_TOKEN` alone does not: developers export it for `gh` and CI systems set it for their own
 * steps, and refusing to start there would break `npm start` and every CLI command that reads the config.
 */
export const GITHUB_COMPANIONS = [...APP_VARIABLES] as const;

/** A comma-separated list of board options (`Done,Shipped`); unset or empty → none. */
const optionList = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((option) => option.trim()).filter((option) => option !== ''));

/** GitHub's settings, read from the environment once GitHub is switched on. */
export const githubEnvSchema = z
  .object({
    GITHUB_WEBHOOK_SECRET: nonEmpty,
    GITHUB_TOKEN: optionalNonEmpty,
    GITHUB_APP_ID: optionalNonEmpty.pipe(z.string().regex(/^\d{1,20}$/, 'must be the App ID, a number').optional()),
    // A PEM pasted into an env file often arrives with its line breaks written as `\n`.
    GITHUB_APP_PRIVATE_KEY: optionalNonEmpty.transform((value) => value?.replaceAll('\\n', '\n')),
    GITHUB_APP_INSTALLATION_ID: optionalNonEmpty.pipe(z.string().regex(/^\d{1,20}$/, 'must be the installation id, a number').optional()),
    GITHUB_API_URL: z
      .string()
      .optional()
      .transform((value) => (value === undefined || value.trim() === '' ? 'https://api.github.com' : value.trim()))
      .pipe(trackerUrl),
    GITHUB_PROJECT_DONE_OPTIONS: optionList,
  })
  .superRefine((env, ctx) => {
    const appSet = APP_VARIABLES.filter((name) => env[name] !== undefined);
    if (env.GITHUB_TOKEN !== undefined && appSet.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['GITHUB_TOKEN'], message: `set either GITHUB_TOKEN or the App's ${APP_VARIABLES.join(', ')}, not both` });
    } else if (env.GITHUB_TOKEN === undefined && appSet.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['GITHUB_TOKEN'], message: `GitHub needs credentials: GITHUB_TOKEN, or ${APP_VARIABLES.join(', ')} for a GitHub App` });
    } else if (appSet.length > 0 && appSet.length < APP_VARIABLES.length) {
      for (const name of APP_VARIABLES.filter((candidate) => env[candidate] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [name], message: `is required with ${appSet.join(', ')} (GitHub App credentials)` });
      }
    }
  })
  .transform((env) => ({
    webhookSecret: env.GITHUB_WEBHOOK_SECRET,
    apiUrl: env.GITHUB_API_URL,
    auth: (env.GITHUB_TOKEN !== undefined
      ? { kind: 'token', token: env.GITHUB_TOKEN }
      : {
          kind: 'app',
          appId: env.GITHUB_APP_ID ?? '',
          privateKey: env.GITHUB_APP_PRIVATE_KEY ?? '',
          installationId: Number(env.GITHUB_APP_INSTALLATION_ID),
        }) satisfies GithubAuth as GithubAuth,
    projectDoneOptions: env.GITHUB_PROJECT_DONE_OPTIONS,
  }));

export type GithubSettings = z.infer<typeof githubEnvSchema>;

/** Every variable GitHub reads, for the documentation and `--help`. */
export const GITHUB_VARIABLES = [...GITHUB_SWITCHES, 'GITHUB_TOKEN', ...APP_VARIABLES, 'GITHUB_API_URL', 'GITHUB_PROJECT_DONE_OPTIONS'] as const;
