import type { TrackerReceiver } from '../../tracker-receiver.js';
import { normaliseJiraDelivery } from './normalise-jira-delivery.js';
import { verifyJiraSignature } from './verify-jira-signature.js';

export const jiraReceiver: TrackerReceiver = {
  tracker: 'jira',
  label: 'Jira',
  secretEnvVar: 'JIRA_WEBHOOK_SECRET',
  signatureHeader: 'x-hub-signature',
  deliveryIdHeader: 'x-atlassian-webhook-identifier',
  secretSetupHint:
    'give the Jira webhook a Secret (Jira settings → System → WebHooks) equal to JIRA_WEBHOOK_SECRET; only admin webhooks are signed',
  // Jira treats any 2xx as delivered; 202 says what is true: recorded, decided later.
  acknowledgeStatus: 202,
  verifySignature: verifyJiraSignature,
  normalise: normaliseJiraDelivery,
};
