import type { Migration } from './migration.js';

/**
 * Notifications sent, one row per event and channel, so a retried job never tells a channel twice.
 * A channel on a daily digest keeps its events here as `pending` until the digest that lists them is sent.
 */
export const notifications: Migration = {
  id: 16,
  name: 'notifications',
  sql: `
    CREATE TABLE notifications (
      event_id text NOT NULL,
      channel text NOT NULL,
      kind text NOT NULL,
      state text NOT NULL CHECK (state IN ('sent', 'pending', 'digested')),
      event jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      PRIMARY KEY (event_id, channel)
    );
    CREATE INDEX notifications_pending ON notifications (channel, created_at) WHERE state = 'pending';
  `,
};
