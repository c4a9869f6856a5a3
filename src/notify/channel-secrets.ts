import { readFileSync } from 'node:fs';
import { NotifyChannelError } from './notify-errors.js';

/** Reads the secret a channel names: `NAME`, or the file `NAME_FILE` points at (Docker and Kubernetes secrets). */
export type ReadChannelSecret = (variable: string) => string;

/** Over the `NOTIFY_*` variables of the environment donegate started with; read at send time, so a rotated file is picked up. */
export function createChannelSecretReader(env: Readonly<Record<string, string | undefined>>): ReadChannelSecret {
  return (variable) => {
    const direct = env[variable]?.trim();
    if (direct) return direct;
    const file = env[`${variable}_FILE`]?.trim();
    if (file) {
      try {
        const value = readFileSync(file, 'utf8').trim();
        if (value) return value;
      } catch {
        throw new NotifyChannelError(`cannot read ${variable}_FILE (${file}); check the path and its permissions`);
      }
    }
    throw new NotifyChannelError(`${variable} is not set; set it (or ${variable}_FILE) to the channel's secret, as the policy's notifications.channels names it`);
  };
}
