import type { Database } from '../store/database.js';
import type { Notice } from './notice.js';

/** What has been told to which channel (`notifications`, migration 016): each event reaches a channel once. */
export interface NotificationLog {
  /** Whether the channel already has the event, sent or waiting for its digest. */
  has(eventId: string, channel: string): Promise<boolean>;
  markSent(notice: Notice, channel: string, at: Date): Promise<void>;
  /** Keep the notice for the channel's next digest. */
  holdForDigest(notice: Notice, channel: string): Promise<void>;
  /** The channel's notices waiting for a digest, oldest first. */
  pending(channel: string): Promise<Notice[]>;
  /** The digest `digestId` went out: it is recorded as sent and the notices it listed as digested, together. */
  markDigested(digestId: string, channel: string, notices: readonly Notice[], at: Date): Promise<void>;
}

interface Row {
  event: Notice | string;
}

export function createNotificationLog(db: Database): NotificationLog {
  const insert = (target: Database, id: string, channel: string, kind: string, state: 'sent' | 'pending', event: unknown, at: Date | null) =>
    target.query(
      `INSERT INTO notifications (event_id, channel, kind, state, event, sent_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (event_id, channel) DO NOTHING`,
      [id, channel, kind, state, JSON.stringify(event), at?.toISOString() ?? null],
    );
  return {
    async has(eventId, channel) {
      return (await db.query('SELECT 1 FROM notifications WHERE event_id = $1 AND channel = $2', [eventId, channel])).length > 0;
    },
    async markSent(notice, channel, at) {
      await insert(db, notice.event.id, channel, notice.event.kind, 'sent', notice, at);
    },
    async holdForDigest(notice, channel) {
      await insert(db, notice.event.id, channel, notice.event.kind, 'pending', notice, null);
    },
    async pending(channel) {
      const rows = await db.query<Row>(`SELECT event FROM notifications WHERE channel = $1 AND state = 'pending' ORDER BY created_at, event_id`, [channel]);
      return rows.map((row) => (typeof row.event === 'string' ? (JSON.parse(row.event) as Notice) : row.event));
    },
    async markDigested(digestId, channel, notices, at) {
      await db.transaction(async (tx) => {
        await insert(tx, digestId, channel, 'digest', 'sent', { events: notices.map((n) => n.event.id) }, at);
        await tx.query(`UPDATE notifications SET state = 'digested', sent_at = $3 WHERE channel = $1 AND event_id = ANY($2::text[]) AND state = 'pending'`, [
          channel,
          notices.map((n) => n.event.id),
          at.toISOString(),
        ]);
      });
    },
  };
}
