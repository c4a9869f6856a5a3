import { Version3Client } from 'jira.js';

export interface JiraClientConfig {
  /** JIRA_BASE_URL, e.g. `https://acme.atlassian.net`. */
  baseUrl: string;
  /** JIRA_EMAIL: the Atlassian account the API token belongs to. */
  email: string;
  /** JIRA_API_TOKEN. */
  apiToken: string;
  /** Per request; Jira answers in well under a second, a hung socket must not hold a job. Default 10 s. */
  timeoutMs?: number;
}

export function createJiraClient(config: JiraClientConfig): Version3Client {
  return new Version3Client({
    host: config.baseUrl,
    authentication: { basic: { email: config.email, apiToken: config.apiToken } },
    baseRequestConfig: { timeout: config.timeoutMs ?? 10_000 },
  });
}
