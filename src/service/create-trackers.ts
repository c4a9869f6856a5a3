import type { Config } from '../config/env.js';
import type { TrackerName } from '../domain/index.js';
import type { Logger } from '../logging/logger.js';
import type { Tracker } from '../trackers/tracker.js';

/** The trackers the configuration turns on, each built by its plugin. Unconfigured ones are simply absent. */
export async function createTrackers(config: Config, log: Logger): Promise<Partial<Record<TrackerName, Tracker>>> {
  const trackers: Partial<Record<TrackerName, Tracker>> = {};
  for (const { plugin, settings } of config.trackers) {
    trackers[plugin.name] = plugin.createTracker(settings, { advisoryLinkHosts: config.advisoryLinkHosts });
  }
  log.info({ trackers: Object.keys(trackers) }, 'trackers configured');
  return trackers;
}
