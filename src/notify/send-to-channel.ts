import { createHash } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { NotificationChannel } from '../policy/policy-schema.js';
import type { ReadChannelSecret } from './channel-secrets.js';
import type { Notice } from './notice.js';
import { NotifyChannelError, NotifyDeliveryError } from './notify-errors.js';
import { postJson } from './post-json.js';
import { slackDigestFor, slackMessageFor } from './slack-message.js';

/** One message to a channel: a single notice, or a day's digest of several. */
export type Outgoing = { id: string; notice: Notice } | { id: string; digest: { day: string; notices: Notice[] } };

export interface SendDeps {
  secret: ReadChannelSecret;
}

/** Deliver one message to one channel, as its kind wants it; throws the notify errors post-json sorts answers into. */
export async function sendToChannel(deps: SendDeps, name: string, channel: NotificationChannel, outgoing: Outgoing): Promise<void> {
  if (channel.kind === 'webhook') return sendSignedWebhook(deps, name, channel, outgoing);
  const message = 'notice' in outgoing ? slackMessageFor(outgoing.notice) : slackDigestFor(outgoing.digest.notices, outgoing.digest.day);
  if ('webhookUrlEnv' in channel) {
    await postJson(name, deps.secret(channel.webhookUrlEnv), JSON.stringify(message));
    return;
  }
  const response = await postJson(name, 'https://slack.com/api/chat.postMessage', JSON.stringify({ channel: channel.channel, ...message }), {
    authorization: `Bearer ${deps.secret(channel.tokenEnv)}`,
  });
  // chat.postMessage answers 200 with `ok: false` for its own errors.
  const answer = (await response.json().catch(() => ({}))) as { ok?: unknown; error?: unknown };
  if (answer.ok === true) return;
  const error = typeof answer.error === 'string' ? answer.error.slice(0, 80) : 'unknown';
  if (error === 'ratelimited' || error === 'internal_error' || error === 'service_unavailable') throw new NotifyDeliveryError(`notification channel "${name}": Slack answered ${error}`);
  throw new NotifyChannelError(`notification channel "${name}": Slack refused the message (${error}); check the token's scopes (chat:write) and the channel id`);
}

/**
 * A JSON body signed as Standard Webhooks specify (`webhook-id`, `webhook-timestamp`, `webhook-signature`),
 * so receivers verify it with any Standard Webhooks library. https://www.standardwebhooks.com/
 */
async function sendSignedWebhook(deps: SendDeps, name: string, channel: Extract<NotificationChannel, { kind: 'webhook' }>, outgoing: Outgoing): Promise<void> {
  // The wall clock, not donegate's decision clock: receivers refuse a timestamp far from their own time.
  const timestamp = new Date();
  // Event ids hold tracker delivery ids (any text); the header carries a digest of it, stable across retries.
  const id = `msg_${createHash('sha256').update(`${name}\0${outgoing.id}`).digest('hex').slice(0, 32)}`;
  const body = JSON.stringify(
    'notice' in outgoing
      ? { type: outgoing.notice.event.kind, timestamp: timestamp.toISOString(), data: outgoing.notice }
      : { type: 'digest', timestamp: timestamp.toISOString(), data: outgoing.digest },
  );
  let signer: Webhook;
  try {
    signer = new Webhook(deps.secret(channel.secretEnv));
  } catch (error) {
    if (error instanceof NotifyChannelError) throw error;
    throw new NotifyChannelError(`${channel.secretEnv} is not a usable signing secret; use base64 text, optionally prefixed whsec_`);
  }
  await postJson(name, deps.secret(channel.urlEnv), body, {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': signer.sign(id, timestamp, body),
  });
}
