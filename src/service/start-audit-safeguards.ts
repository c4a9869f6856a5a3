import type { Config } from '../config/env.js';
import { createS3Client } from '../artifacts/create-artifact-verifier-from-config.js';
import { fileCheckpointSink, s3CheckpointSink } from '../audit/checkpoint-sinks.js';
import { createCheckpointWriter, type CheckpointSink } from '../audit/checkpoint-writer.js';
import { loadSigningKey } from '../audit/signing-key.js';
import type { Logger } from '../logging/logger.js';
import { auditPrivilegeWarnings } from '../store/audit-table-privileges.js';
import type { Database } from '../store/database.js';

export interface AuditSafeguards {
  /** What weakens the audit log here (a role that could rewrite it, no checkpoints); `/readyz` lists them. */
  warnings: string[];
  close(): Promise<void>;
}

/**
 * At start: say whether the database role could rewrite the audit log, and start signing checkpoints of
 * its head when a key is configured (AUDIT_SIGNING_KEY), copied to a file and/or S3 when asked.
 */
export async function startAuditSafeguards(options: { db: Database; config: Config; log: Logger; now?: () => Date; pollMs?: number }): Promise<AuditSafeguards> {
  const { db, config, log } = options;
  const warnings = await auditPrivilegeWarnings(db);
  const settings = config.auditCheckpoints;
  const key = await loadSigningKey(settings);
  if (!key) {
    if (settings.file || settings.s3) warnings.push('AUDIT_CHECKPOINT_FILE or AUDIT_CHECKPOINT_S3_URI is set but no AUDIT_SIGNING_KEY: no checkpoints are written');
    else log.info('audit checkpoints are off: set AUDIT_SIGNING_KEY (README, "For auditors") to sign the log head regularly');
  }
  // PGlite is single-user by design (the newcomer's zero-config start): said once at info level, not as an alarm.
  for (const warning of warnings) {
    if (db.kind === 'pglite') log.info({ warning }, 'audit log protection');
    else log.warn({ warning }, 'audit log protection is weakened');
  }
  if (!key) return { warnings, close: () => Promise.resolve() };

  const sinks: CheckpointSink[] = [];
  if (settings.file) sinks.push(fileCheckpointSink(settings.file));
  if (settings.s3) sinks.push(s3CheckpointSink(createS3Client(config.artifacts), settings.s3));
  const writer = createCheckpointWriter({
    db,
    key,
    everyEntries: settings.everyEntries,
    everyMinutes: settings.everyMinutes,
    sinks,
    // The error's message only: an SDK error object may carry request details.
    onSinkError: (sink, error) => log.error({ sink, err: { message: error instanceof Error ? error.message : String(error) } }, 'could not write an audit checkpoint'),
    ...(options.now ? { now: options.now } : {}),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
  });
  writer.start();
  log.info({ keyId: key.keyId, everyEntries: settings.everyEntries, everyMinutes: settings.everyMinutes, copies: sinks.map((s) => s.name) }, 'signing audit checkpoints');
  return { warnings, close: () => writer.stop() };
}
