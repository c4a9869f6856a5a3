import type { Migration } from './migration.js';

export const evidenceAndDecisions: Migration = {
  id: 1,
  name: 'evidence and decisions',
  sql: `
    CREATE TABLE evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tracker text NOT NULL,
      ticket_key text NOT NULL,
      criterion text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('pass', 'fail')),
      summary jsonb NOT NULL,
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      source text NOT NULL,
      submitter text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX evidence_by_ticket ON evidence (tracker, ticket_key, criterion, created_at DESC);

    CREATE TABLE decisions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      delivery_id text NOT NULL,
      tracker text NOT NULL,
      ticket_key text NOT NULL,
      ticket_id text NOT NULL,
      from_status text,
      to_status text,
      outcome text NOT NULL CHECK (outcome IN ('pass', 'fail', 'skipped', 'error')),
      reason text,
      rule text,
      mode text CHECK (mode IN ('block', 'warn')),
      policy_hash text,
      criteria jsonb NOT NULL DEFAULT '[]',
      actions jsonb NOT NULL DEFAULT '[]',
      occurred_at timestamptz,
      received_at timestamptz NOT NULL,
      decided_at timestamptz NOT NULL DEFAULT now()
    );
    -- One decision per delivery: a retried or repeated delivery can never be decided (or acted on) twice.
    CREATE UNIQUE INDEX decisions_one_per_delivery ON decisions (tracker, delivery_id);
    CREATE INDEX decisions_by_ticket ON decisions (tracker, ticket_key, decided_at);
  `,
};
