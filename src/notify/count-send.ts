import type { NotificationChannel } from '../policy/policy-schema.js';
import type { NotifyDeps } from './notify-deps.js';
import { NotifyRateLimitedError } from './notify-errors.js';
import { sendToChannel, type Outgoing } from './send-to-channel.js';

/** Send one message and count it in `donegate_notifications_total`, whatever the answer. */
export async function countedSend(deps: NotifyDeps, name: string, channel: NotificationChannel, event: string, outgoing: Outgoing): Promise<void> {
  const labels = { channel_kind: channel.kind, event };
  try {
    await sendToChannel({ secret: deps.secret }, name, channel, outgoing);
    deps.metrics?.notifications.inc({ ...labels, result: 'sent' });
  } catch (error) {
    deps.metrics?.notifications.inc({ ...labels, result: error instanceof NotifyRateLimitedError ? 'rate-limited' : 'failed' });
    throw error;
  }
}
