import { z } from 'zod';
import { nonEmpty, wholeNumber } from '../../env/env-values.js';
import { trackerUrl } from '../../env/tracker-url.js';
import { DEFAULT_JIRA_DELIVERY_MAX_AGE_SECONDS } from './webhook/jira-delivery-age.js';

/** The variables that switch Jira on: all set → on; none → off; some → a startup error. */
export const JIRA_SWITCHES = ['JIRA_BASE_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN', 'JIRA_WEBHOOK_SECRET'] as const;

/** Jira's settings, read from the environment once Jira is switched on. */
export const jiraEnvSchema = z
  .object({
    JIRA_BASE_URL: nonEmpty.pipe(trackerUrl),
    JIRA_EMAIL: nonEmpty,
    JIRA_API_TOKEN: nonEmpty,
    JIRA_WEBHOOK_SECRET: nonEmpty,
    /** Signed Jira deliveries older than this are replays: answered 202, logged, not acted on. */
    JIRA_DELIVERY_MAX_AGE_SECONDS: wholeNumber(DEFAULT_JIRA_DELIVERY_MAX_AGE_SECONDS, 60),
  })
  .transform((env) => ({
    baseUrl: env.JIRA_BASE_URL.replace(/\/+$/, ''),
    email: env.JIRA_EMAIL,
    apiToken: env.JIRA_API_TOKEN,
    webhookSecret: env.JIRA_WEBHOOK_SECRET,
    deliveryMaxAgeSeconds: env.JIRA_DELIVERY_MAX_AGE_SECONDS,
  }));

export type JiraSettings = z.infer<typeof jiraEnvSchema>;
