import type { TrackerPlugin } from '../tracker-plugin.js';
import { createJiraClient } from './create-jira-client.js';
import { createJiraTracker } from './create-jira-tracker.js';
import { jiraBasics } from './jira-basics.js';
import type { JiraMatch } from './jira-policy-match.js';
import { JIRA_SWITCHES, jiraEnvSchema, type JiraSettings } from './jira-settings.js';
import { verdictToAdf } from './verdict-to-adf.js';
import { jiraReceiver } from './webhook/jira-receiver.js';

/** Jira Cloud: REST v3 through jira.js, admin webhooks signed with `X-Hub-Signature`. */
export const jiraPlugin: TrackerPlugin<JiraSettings, JiraMatch> = {
  ...jiraBasics,
  env: {
    switches: JIRA_SWITCHES,
    variables: [...JIRA_SWITCHES, 'JIRA_DELIVERY_MAX_AGE_SECONDS'],
    schema: jiraEnvSchema,
  },
  createTracker: (settings, shared) =>
    createJiraTracker({ client: createJiraClient(settings), siteUrl: settings.baseUrl, advisoryLinkHosts: [...shared.advisoryLinkHosts] }),
  receiver: jiraReceiver,
  webhookSettings: (settings) => ({ secret: settings.webhookSecret, maxAgeMs: settings.deliveryMaxAgeSeconds * 1000 }),
  renderComment: (comment) => verdictToAdf(comment),
};
