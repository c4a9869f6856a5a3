import { loadConfig, type Config } from '../src/config/env.js';
import { JIRA_SECRET, LINEAR_SECRET, type TrackerEndpoints } from './bench-trackers.js';

export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** donegate's configuration for a bench phase, pointed at the simulators, through the real `loadConfig`. */
export function benchConfig(input: { policyFile: string; dataDir: string; queuePrefix: string; trackers: TrackerEndpoints }): Config {
  const t = input.trackers;
  return loadConfig({
    PORT: '0',
    REDIS_URL,
    POLICY_FILE: input.policyFile,
    DATA_DIR: input.dataDir,
    QUEUE_PREFIX: input.queuePrefix,
    LOG_LEVEL: 'info',
    JIRA_BASE_URL: t.jiraBaseUrl,
    JIRA_EMAIL: t.jiraEmail,
    JIRA_API_TOKEN: t.jiraApiToken,
    JIRA_WEBHOOK_SECRET: JIRA_SECRET,
    LINEAR_API_KEY: t.linearApiKey,
    LINEAR_API_URL: t.linearApiUrl,
    LINEAR_WEBHOOK_SECRET: LINEAR_SECRET,
  });
}
