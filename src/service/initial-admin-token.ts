import { chmodSync, writeFileSync } from 'node:fs';
import { tokenEvent } from '../audit/audit-events.js';
import type { AuditLog } from '../audit/audit-log.js';
import { createTokenRepository, type CreatedToken } from '../auth/token-repository.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../store/database.js';

/** `INITIAL_ADMIN_TOKEN` and `INITIAL_ADMIN_TOKEN_FILE`. */
export interface InitialAdminTokenSettings {
  enabled: boolean;
  /** Write the token here (mode 0600) instead of printing it. */
  file?: string;
}

export const INITIAL_ADMIN_TOKEN_NAME = 'initial-admin';
/** An arbitrary constant, like the audit log's: one process at a time decides whether the store has no token. */
const INITIAL_ADMIN_LOCK = 4_201_957;

export interface InitialAdminTokenDeps {
  db: Database;
  audit: AuditLog;
  log: Logger;
  settings: InitialAdminTokenSettings;
  /** Where the token is printed when no file is configured: a plain line, never a log line. */
  stderr: NodeJS.WritableStream;
}

/**
 * On a store with no token at all, make one admin token (`initial-admin`) so the first operator can create
 * the named ones through the API: a service on the embedded store owns its DATA_DIR, so the CLI could not.
 * Count and insert run in one transaction under an advisory lock, so receivers starting together on one
 * PostgreSQL make exactly one. With a file, it is written before the transaction commits: a token nobody
 * received is never stored. The log gets its name and prefix only.
 * @returns the token's record when one was made.
 */
export async function ensureInitialAdminToken(deps: InitialAdminTokenDeps): Promise<CreatedToken['record'] | undefined> {
  const { db, settings } = deps;
  if (!settings.enabled) return undefined;
  const created = await db.transaction(async (tx): Promise<CreatedToken | undefined> => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [INITIAL_ADMIN_LOCK]);
    const [row] = await tx.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM api_tokens) AS any');
    if (row?.any) return undefined;
    const made = await createTokenRepository(tx).create({ name: INITIAL_ADMIN_TOKEN_NAME, role: 'admin', createdBy: 'first-start' });
    if (settings.file !== undefined) {
      writeFileSync(settings.file, `${made.token}\n`, { mode: 0o600 });
      chmodSync(settings.file, 0o600); // a file that already existed keeps its mode otherwise
    }
    return made;
  });
  if (!created) return undefined;
  const { token, record } = created;
  // After the commit: the audit log takes its own transaction. A crash in between leaves the token unaudited,
  // never an audited token that does not exist.
  await deps.audit.append(tokenEvent('token-created', record, 'first-start'));
  deps.log.info(
    { tokenName: record.name, tokenPrefix: record.tokenPrefix, ...(settings.file !== undefined ? { file: settings.file } : {}) },
    'no API token existed: created the initial admin token',
  );
  if (settings.file === undefined) {
    deps.stderr.write(
      `donegate: no API token existed, so this is the initial admin token "${record.name}", shown this once. Store it in your secret manager now; ` +
        `use it (DONEGATE_TOKEN) to create named tokens with \`donegate token create --url <this service>\`, then revoke it with \`donegate token revoke ${record.name} --url <this service>\`:\n` +
        `${token}\n`,
    );
  }
  return record;
}
