import { randomBytes } from 'node:crypto';
import { FingerprintKey, MIN_FINGERPRINT_KEY_BYTES } from '../scan/fingerprint.js';
import type { Database } from './database.js';

const NAME = 'fingerprint-key';

/**
 * The installation's fingerprint key: made on the first start and kept in `installation_secrets`, so the
 * worker's fingerprints stay the same across restarts and machines. Processes starting at once each offer
 * a random key; `ON CONFLICT DO NOTHING` keeps the first one written and every process reads that one back.
 *
 * @example
 * const registry = createCriterionRegistry({ fingerprintKey: await loadInstallationFingerprintKey(db) });
 */
export async function loadInstallationFingerprintKey(db: Database): Promise<FingerprintKey> {
  await db.query('INSERT INTO installation_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [NAME, randomBytes(MIN_FINGERPRINT_KEY_BYTES)]);
  const [row] = await db.query<{ value: Uint8Array }>('SELECT value FROM installation_secrets WHERE name = $1', [NAME]);
  if (!row) throw new Error('installation_secrets holds no fingerprint key right after one was written');
  return new FingerprintKey(row.value);
}
