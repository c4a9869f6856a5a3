import type { TrackerReceiver } from '../../tracker-receiver.js';
import { normaliseGithubDelivery } from './normalise-github-delivery.js';
import { verifyGithubSignature } from './verify-github-signature.js';

/** The GitHub half of `POST /webhooks/github`. */
export const githubReceiver: TrackerReceiver = {
  tracker: 'github',
  label: 'GitHub',
  secretEnvVar: 'GITHUB_WEBHOOK_SECRET',
  signatureHeader: 'x-hub-signature-256',
  deliveryIdHeader: 'x-github-delivery',
  eventHeader: 'x-github-event',
  secretSetupHint:
    "GitHub signs deliveries when the webhook has a secret; set the same value as GITHUB_WEBHOOK_SECRET and as the webhook's Secret (repository or organization Settings → Webhooks, or the GitHub App's settings)",
  // GitHub does not retry failed deliveries by itself (they can be redelivered by hand), and expects an
  // answer within 10 seconds (https://docs.github.com/en/webhooks/using-webhooks/handling-webhook-deliveries).
  acknowledgeStatus: 202,
  verifySignature: verifyGithubSignature,
  normalise: normaliseGithubDelivery,
};
