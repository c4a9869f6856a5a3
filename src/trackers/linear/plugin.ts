import { LinearClient } from '@linear/sdk';
import { verdictToMarkdown } from '../render/markdown/index.js';
import type { TrackerPlugin } from '../tracker-plugin.js';
import { createLinearTracker } from './create-linear-tracker.js';
import { linearBasics } from './linear-basics.js';
import type { LinearMatch } from './linear-policy-match.js';
import { LINEAR_SWITCHES, linearEnvSchema, type LinearSettings } from './linear-settings.js';
import { linearReceiver } from './webhook/linear-receiver.js';

/** Linear: GraphQL through @linear/sdk, webhooks signed with `Linear-Signature`. */
export const linearPlugin: TrackerPlugin<LinearSettings, LinearMatch> = {
  ...linearBasics,
  env: {
    switches: LINEAR_SWITCHES,
    variables: [...LINEAR_SWITCHES, 'LINEAR_API_URL', 'LINEAR_ATTACHMENT_HOSTS'],
    schema: linearEnvSchema,
  },
  createTracker: (settings, shared) =>
    createLinearTracker({
      client: new LinearClient({ apiKey: settings.apiKey, apiUrl: settings.apiUrl }),
      attachmentHosts: settings.attachmentHosts,
      advisoryLinkHosts: [...shared.advisoryLinkHosts],
    }),
  receiver: linearReceiver,
  // Linear's receiver keeps its own one-minute freshness check on the signed timestamp.
  webhookSettings: (settings) => ({ secret: settings.webhookSecret }),
  renderComment: (comment) => verdictToMarkdown(comment),
};
