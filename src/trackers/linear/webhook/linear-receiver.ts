import type { TrackerReceiver } from '../../tracker-receiver.js';
import { receiveLinearDelivery } from './receive-linear-delivery.js';
import { verifyLinearSignature } from './verify-linear-signature.js';

export const linearReceiver: TrackerReceiver = {
  tracker: 'linear',
  label: 'Linear',
  secretEnvVar: 'LINEAR_WEBHOOK_SECRET',
  signatureHeader: 'linear-signature',
  deliveryIdHeader: 'linear-delivery',
  secretSetupHint:
    "Linear signs every webhook; check that the request really comes from Linear and that LINEAR_WEBHOOK_SECRET is the webhook's signing secret (Linear settings → API → Webhooks)",
  // Linear retries every answer but 200, and may disable a webhook that keeps failing
  // (https://developers.linear.app/docs/graphql/webhooks).
  acknowledgeStatus: 200,
  verifySignature: verifyLinearSignature,
  normalise: receiveLinearDelivery,
};
