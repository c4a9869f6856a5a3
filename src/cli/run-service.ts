import { loadConfig, type Config } from '../config/env.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { createTrackers } from '../service/create-trackers.js';
import { trackerRedactPaths } from '../trackers/registry.js';
import { startService } from '../service/start-service.js';
import { ensureInitialAdminToken } from '../service/initial-admin-token.js';

/**
 * Run the long-lived service until SIGTERM/SIGINT: then stop taking deliveries, let the worker finish
 * the jobs it holds, and exit 0.
 */
export async function runService(roles: { receiver: boolean; worker: boolean }, config: Config = loadConfig()): Promise<void> {
  const log: Logger = createLogger({ level: config.logLevel, redact: trackerRedactPaths() });
  const trackers = await createTrackers(config, log);
  const service = await startService({
    config,
    log,
    roles,
    trackers,
    // Before the receiver listens, so the first admin holds a token by the time the API answers.
    beforeStart: async ({ db, audit }) => {
      await ensureInitialAdminToken({ db, audit, log, settings: config.initialAdminToken, stderr: process.stderr });
    },
  });
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down');
    void service.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  // SIGHUP re-reads POLICY_FILE: a good file replaces the policy in force; a bad one is logged and the old one kept.
  process.on('SIGHUP', () => {
    void service.reloadPolicy({ via: 'signal' }).catch((error: unknown) => {
      log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'policy reload on SIGHUP failed');
    });
  });
}
