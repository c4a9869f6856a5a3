import { LinearClient } from '@linear/sdk';
import type { Config } from '../config/env.js';
import type { Logger } from '../logging/logger.js';
import { createJiraClient } from '../trackers/jira/create-jira-client.js';
import { createJiraTracker } from '../trackers/jira/create-jira-tracker.js';
import { createLinearTracker } from '../trackers/linear/create-linear-tracker.js';
import type { TrackerName } from '../domain/index.js';
import type { Tracker } from '../trackers/tracker.js';

/** The trackers the configuration turns on. Unconfigured ones are simply absent. */
export async function createTrackers(config: Config, log: Logger): Promise<Partial<Record<TrackerName, Tracker>>> {
  const trackers: Partial<Record<TrackerName, Tracker>> = {};
  if (config.jira) {
    trackers.jira = createJiraTracker({
      client: createJiraClient(config.jira),
      siteUrl: config.jira.baseUrl,
      advisoryLinkHosts: config.advisoryLinkHosts,
    });
  }
  if (config.linear) {
    trackers.linear = createLinearTracker({
      client: new LinearClient({ apiKey: config.linear.apiKey, apiUrl: config.linear.apiUrl }),
      attachmentHosts: config.linearAttachmentHosts,
      advisoryLinkHosts: config.advisoryLinkHosts,
    });
  }
  log.info({ trackers: Object.keys(trackers) }, 'trackers configured');
  return trackers;
}
