import type { Migration } from './migration.js';

/**
 * Sign-in to the web app: browser sessions, one-use sign-in links and the OIDC sign-ins under way. Working
 * state, not records: sessions and attempts are deleted once stale; who signed in is in the audit log.
 * Secrets (the session cookie, the link, the attempt cookie) are stored only as their sha256.
 */
export const uiSignIn: Migration = {
  id: 14,
  name: 'ui sign-in',
  sql: `
    CREATE TABLE ui_sessions (
      id_hash TEXT PRIMARY KEY,
      id_prefix TEXT NOT NULL,
      principal_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'ci', 'auditor', 'approver', 'admin')),
      projects TEXT[] NOT NULL DEFAULT '{}',
      method TEXT NOT NULL CHECK (method IN ('oidc', 'link')),
      oidc_issuer TEXT,
      oidc_subject TEXT,
      link_id UUID,
      csrf_token TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      last_seen_at TIMESTAMPTZ NOT NULL,
      expires_at TIMESTAMPTZ NOT NULL,
      revoked_at TIMESTAMPTZ
    );
    CREATE INDEX ui_sessions_expires_at ON ui_sessions (expires_at);

    CREATE TABLE ui_sign_in_links (
      id UUID PRIMARY KEY,
      secret_hash TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'ci', 'auditor', 'approver', 'admin')),
      projects TEXT[] NOT NULL DEFAULT '{}',
      created_by TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      expires_at TIMESTAMPTZ NOT NULL,
      used_at TIMESTAMPTZ
    );

    CREATE TABLE ui_oidc_attempts (
      id_hash TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      nonce TEXT NOT NULL,
      code_verifier TEXT NOT NULL,
      next_path TEXT NOT NULL,
      expires_at TIMESTAMPTZ NOT NULL
    );
  `,
};
