import { parsePayload } from '../../webhook/parse-payload.js';
import type { NormalisedDelivery } from '../../../domain/index.js';
import type { DeliveryContext } from '../../tracker-receiver.js';
import { assertFreshLinearDelivery } from './assert-fresh-linear-delivery.js';
import { LinearEnvelopeSchema } from './linear-payload-schema.js';
import { normaliseLinearDelivery } from './normalise-linear-delivery.js';

/** Parse the envelope (400), refuse a stale one (401), then normalise. */
export function receiveLinearDelivery(body: unknown, context: DeliveryContext): NormalisedDelivery {
  const envelope = parsePayload(LinearEnvelopeSchema, body, 'The Linear delivery');
  assertFreshLinearDelivery(envelope.webhookTimestamp, context.now);
  return normaliseLinearDelivery(envelope, context);
}
