import type { TrackerName } from '../domain/index.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/create-metrics.js';
import type { Policy } from '../policy/policy.js';
import type { Tracker } from '../trackers/tracker.js';
import type { ReadChannelSecret } from './channel-secrets.js';
import type { NotificationLog } from './notification-log.js';

/** What the notification jobs need. */
export interface NotifyDeps {
  policy: () => Policy;
  trackers: Partial<Record<TrackerName, Tracker>>;
  sent: NotificationLog;
  secret: ReadChannelSecret;
  log: Logger;
  now?: () => Date;
  metrics?: Pick<Metrics, 'notifications'>;
}

/** What a notification job hands back to the queue: how many messages went out, and how many wait for a digest. */
export interface NotifyResult {
  sent: number;
  held: number;
}
