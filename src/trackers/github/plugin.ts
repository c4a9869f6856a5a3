import { verdictToMarkdown } from '../render/markdown/index.js';
import type { TrackerPlugin } from '../tracker-plugin.js';
import { createGithubClient } from './create-github-client.js';
import { createGithubTracker } from './create-github-tracker.js';
import { githubMatchSchema, githubTicketMatches, type GithubMatch } from './github-policy-match.js';
import { GITHUB_COMPANIONS, GITHUB_SWITCHES, GITHUB_VARIABLES, githubEnvSchema, type GithubSettings } from './github-settings.js';
import { GITHUB_TICKET_KEY_PATTERN } from './github-ticket-key.js';
import { githubReceiver } from './webhook/github-receiver.js';

/** GitHub Issues (and Projects boards): REST and GraphQL through octokit, webhooks signed with `X-Hub-Signature-256`. */
export const githubPlugin: TrackerPlugin<GithubSettings, GithubMatch> = {
  name: 'github',
  label: 'GitHub',
  env: { switches: GITHUB_SWITCHES, companions: GITHUB_COMPANIONS, variables: GITHUB_VARIABLES, schema: githubEnvSchema },
  createTracker: (settings, shared) =>
    createGithubTracker({
      client: createGithubClient({ auth: settings.auth, baseUrl: settings.apiUrl }),
      authKind: settings.auth.kind,
      advisoryLinkHosts: shared.advisoryLinkHosts,
      projectDoneOptions: settings.projectDoneOptions,
    }),
  receiver: githubReceiver,
  // GitHub signs no timestamp, so there is no replay window to configure; deliveries are keyed on the signed body.
  webhookSettings: (settings) => ({ secret: settings.webhookSecret, doneStatusNames: settings.projectDoneOptions }),
  renderComment: (comment) => verdictToMarkdown(comment),
  keyPattern: GITHUB_TICKET_KEY_PATTERN,
  keyExample: 'acme/ml#42',
  projectOfKey: (key) => key.slice(0, key.lastIndexOf('#')),
  policyMatch: { schema: githubMatchSchema, example: '{ repos: [acme/ml, acme-ai/*] }', matches: githubTicketMatches },
  waiverCommand: { approvedVia: 'github-comment', approverIds: 'GitHub user ids (numbers)' },
  attachmentSources: [],
  redactHeaders: ['x-hub-signature-256', 'x-hub-signature'],
};
