import type { Version3Client } from 'jira.js';
import { z } from 'zod';

/** Where the Jira site is and how to authenticate to it, for requests jira.js cannot make (streamed downloads). */
export interface JiraSite {
  baseUrl: string;
  email: string;
  apiToken: string;
}

const clientConfigSchema = z.object({
  host: z.string(),
  authentication: z.object({ basic: z.object({ email: z.string(), apiToken: z.string() }).optional() }).optional(),
});

/**
 * The site and Basic credentials the jira.js client was built with (createJiraClient passes them as
 * `host` and `authentication.basic`). jira.js keeps its config on the client; it is read here, and
 * parsed, rather than asking every caller for the credentials a second time. Undefined when the client
 * does not use Basic auth.
 */
export function jiraSiteOf(client: Version3Client): JiraSite | undefined {
  const parsed = clientConfigSchema.safeParse((client as unknown as { config?: unknown }).config);
  const basic = parsed.success ? parsed.data.authentication?.basic : undefined;
  if (!parsed.success || !basic) return undefined;
  return { baseUrl: parsed.data.host.replace(/\/+$/, ''), email: basic.email, apiToken: basic.apiToken };
}
