import type { Migration } from './migration.js';

/**
 * Secrets that belong to the installation, made by the service itself on its first start (the key that
 * keys finding fingerprints). One row per name, written once: `INSERT … ON CONFLICT DO NOTHING` lets two
 * processes starting together agree on the first one written. Never updated, never shown.
 */
export const installationSecrets: Migration = {
  id: 7,
  name: 'installation secrets',
  sql: `
    CREATE TABLE installation_secrets (
      name text PRIMARY KEY,
      value bytea NOT NULL CHECK (octet_length(value) >= 32),
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
