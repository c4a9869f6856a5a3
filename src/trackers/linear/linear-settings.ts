import { z } from 'zod';
import { hostList, nonEmpty } from '../../env/env-values.js';
import { trackerUrl } from '../../env/tracker-url.js';
import { LINEAR_UPLOADS_HOST } from './download-linear-attachment.js';

/** The variables that switch Linear on: both set → on; neither → off; one → a startup error. */
export const LINEAR_SWITCHES = ['LINEAR_API_KEY', 'LINEAR_WEBHOOK_SECRET'] as const;

/** Linear's settings, read from the environment once Linear is switched on. */
export const linearEnvSchema = z
  .object({
    LINEAR_API_KEY: nonEmpty,
    LINEAR_WEBHOOK_SECRET: nonEmpty,
    LINEAR_API_URL: z
      .string()
      .optional()
      .transform((value) => (value === undefined || value.trim() === '' ? 'https://api.linear.app/graphql' : value.trim()))
      .pipe(trackerUrl),
    /** Hosts Linear attachment links may be downloaded from (`hostname` or `hostname:port`), comma-separated. */
    LINEAR_ATTACHMENT_HOSTS: hostList([LINEAR_UPLOADS_HOST]),
  })
  .transform((env) => ({
    apiKey: env.LINEAR_API_KEY,
    apiUrl: env.LINEAR_API_URL,
    webhookSecret: env.LINEAR_WEBHOOK_SECRET,
    attachmentHosts: env.LINEAR_ATTACHMENT_HOSTS,
  }));

export type LinearSettings = z.infer<typeof linearEnvSchema>;
