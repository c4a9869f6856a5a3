import type { NormalisedDelivery, TrackerName } from '../domain/index.js';

/** What a receiver knows about one delivery besides its JSON body. */
export interface DeliveryContext {
  rawBody: Buffer;
  /** The tracker's delivery-id header when it sent one (already checked to be a sane token). */
  deliveryIdHeader: string | undefined;
  /** Milliseconds since the epoch, from the injected clock. */
  now: number;
  /**
   * Signed deliveries older than this are recorded and ignored, never acted on (Jira:
   * `JIRA_DELIVERY_MAX_AGE_SECONDS`; Linear keeps its own one-minute check). Unset → the tracker's default.
   */
  maxAgeMs?: number;
  /** The value of the receiver's `eventHeader`, when it has one (GitHub names the event only in `X-GitHub-Event`). */
  eventType?: string | undefined;
  /** `WebhookSettings.doneStatusNames`: statuses the operator declared done. */
  doneStatusNames?: readonly string[] | undefined;
}

/**
 * The tracker-specific half of a webhook receiver: which headers carry the signature and the delivery id,
 * how to check the signature, and how to turn the parsed body into a decision. The HTTP half
 * (`createWebhookRouter`) is shared, so every tracker answers identically.
 */
export interface TrackerReceiver {
  tracker: TrackerName;
  /** The tracker's name for people ("Jira"), for messages. */
  label: string;
  /** The env var holding the signing secret, named in messages that tell the fix. */
  secretEnvVar: string;
  /** Lower-case header names. */
  signatureHeader: string;
  deliveryIdHeader: string;
  /** The header naming the event type, for trackers that send it only there (`x-github-event`). */
  eventHeader?: string;
  /** Where the operator sets the secret on the tracker's side, for the "signature missing" message. */
  secretSetupHint: string;
  /**
   * The status that acknowledges a recorded delivery (accepted, duplicate or ignored). Whatever the tracker
   * treats as delivered and never retries.
   */
  acknowledgeStatus: 200 | 202;
  verifySignature(secret: string, rawBody: Buffer, signatureHeaderValue: string): boolean;
  /** Parsed JSON → decision. Throws `WebhookRequestError` (400 bad shape, 401 stale). */
  normalise(body: unknown, context: DeliveryContext): NormalisedDelivery;
}
