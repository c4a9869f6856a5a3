import type { NotificationChannel, NotificationPolicy } from '../policy/policy-schema.js';
import type { ReadChannelSecret } from './channel-secrets.js';

/** The environment variables a channel reads its secrets from, as the policy names them. */
export function channelSecretVariables(channel: NotificationChannel): string[] {
  if (channel.kind === 'webhook') return [channel.urlEnv, channel.secretEnv];
  return 'tokenEnv' in channel ? [channel.tokenEnv] : [channel.webhookUrlEnv];
}

/**
 * Why each channel the policy names cannot send, one line per missing or unreadable secret. Checked when the
 * worker starts and after each policy reload, so a typo in a variable name is heard about then, not on the
 * first block (notifications never hold a decision back, so nothing else would say it). Lines name the channel
 * and the variable, never a value.
 */
export function unusableChannels(notifications: NotificationPolicy | undefined, secret: ReadChannelSecret): string[] {
  const problems: string[] = [];
  for (const [name, channel] of Object.entries(notifications?.channels ?? {})) {
    for (const variable of channelSecretVariables(channel)) {
      try {
        secret(variable);
      } catch (error) {
        problems.push(`notification channel "${name}" cannot send: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return problems;
}
