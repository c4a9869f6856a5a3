import type { TrackerPlugin } from '../tracker-plugin.js';
import { DASHED_TICKET_KEY, projectBeforeDash } from '../key-list.js';
import { createJiraClient } from './create-jira-client.js';
import { createJiraTracker } from './create-jira-tracker.js';
import { jiraMatchSchema, jiraTicketMatches, type JiraMatch } from './jira-policy-match.js';
import { JIRA_SWITCHES, jiraEnvSchema, type JiraSettings } from './jira-settings.js';
import { verdictToAdf } from './verdict-to-adf.js';
import { jiraReceiver } from './webhook/jira-receiver.js';

/** Jira Cloud: REST v3 through jira.js, admin webhooks signed with `X-Hub-Signature`. */
export const jiraPlugin: TrackerPlugin<JiraSettings, JiraMatch> = {
  name: 'jira',
  label: 'Jira',
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
  keyPattern: DASHED_TICKET_KEY,
  keyExample: 'ML-142',
  projectOfKey: projectBeforeDash,
  policyMatch: { schema: jiraMatchSchema, example: '{ projects: [ML] }', matches: jiraTicketMatches },
  waiverCommand: { approvedVia: 'jira-comment', approverIds: 'Jira accountIds' },
  attachmentSources: ['jira-attachment', 'jira-remote-link'],
  redactHeaders: ['x-hub-signature'],
};
