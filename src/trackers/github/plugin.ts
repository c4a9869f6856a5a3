import { verdictToMarkdown } from '../render/markdown/index.js';
import type { TrackerPlugin } from '../tracker-plugin.js';
import { createGithubClient } from './create-github-client.js';
import { createGithubTracker } from './create-github-tracker.js';
import { githubBasics } from './github-basics.js';
import type { GithubMatch } from './github-policy-match.js';
import { GITHUB_COMPANIONS, GITHUB_SWITCHES, GITHUB_VARIABLES, githubEnvSchema, type GithubSettings } from './github-settings.js';
import { githubReceiver } from './webhook/github-receiver.js';

/** GitHub Issues (and Projects boards): REST and GraphQL through octokit, webhooks signed with `X-Hub-Signature-256`. */
export const githubPlugin: TrackerPlugin<GithubSettings, GithubMatch> = {
  ...githubBasics,
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
};
