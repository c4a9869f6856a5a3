import type { Database } from '../store/database.js';
import { checkpointSchema, type Checkpoint, type Head } from './checkpoint.js';

/** The newest entry: what a checkpoint signs. Undefined for an empty log. */
export async function readHead(db: Database): Promise<Head | undefined> {
  const [row] = await db.query<{ seq: string | number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  return row ? { seq: Number(row.seq), hash: row.hash, time: new Date().toISOString() } : undefined;
}

export async function storeCheckpoint(db: Database, checkpoint: Checkpoint): Promise<void> {
  await db.query('INSERT INTO audit_checkpoints (seq, hash, at, key_id, signature) VALUES ($1, $2, $3, $4, $5)', [
    checkpoint.seq,
    checkpoint.hash,
    checkpoint.time,
    checkpoint.keyId,
    checkpoint.signature,
  ]);
}

interface CheckpointRow {
  id: string | number;
  seq: string | number;
  hash: string;
  at: string;
  key_id: string;
  signature: string;
}

/** A stored checkpoint, or why its row is not one (the table's CHECKs allow what the schema does not, e.g. a bad signature encoding). */
export type StoredCheckpoint = { id: number; checkpoint: Checkpoint } | { id: number; malformed: string };

/** Every checkpoint the service stored, oldest first, with the row id that names it in reports. */
export async function readStoredCheckpoints(db: Database): Promise<StoredCheckpoint[]> {
  const rows = await db.query<CheckpointRow>(
    `SELECT id, seq, hash, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, key_id, signature FROM audit_checkpoints ORDER BY id`,
  );
  return rows.map((row) => {
    const parsed = checkpointSchema.safeParse({
      format: 'donegate-audit-checkpoint',
      version: 1,
      seq: Number(row.seq),
      hash: row.hash,
      time: row.at,
      keyId: row.key_id,
      signature: row.signature,
    });
    return parsed.success
      ? { id: Number(row.id), checkpoint: parsed.data }
      : { id: Number(row.id), malformed: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') };
  });
}

/** The newest stored checkpoint's seq and time, to decide when the next one is due. */
export async function readLatestCheckpoint(db: Database): Promise<{ seq: number; at: Date } | undefined> {
  const [row] = await db.query<{ seq: string | number; at: Date | string }>('SELECT seq, at FROM audit_checkpoints ORDER BY id DESC LIMIT 1');
  return row ? { seq: Number(row.seq), at: new Date(row.at) } : undefined;
}
