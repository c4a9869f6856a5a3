import type { Database } from '../store/database.js';
import { signCheckpoint, type Checkpoint } from './checkpoint.js';
import { readLatestCheckpoint, storeCheckpoint } from './checkpoint-store.js';
import type { SigningKey } from './signing-key.js';

/** Somewhere outside the database a checkpoint is copied to (a file, an S3 object). */
export interface CheckpointSink {
  name: string;
  write(checkpoint: Checkpoint): Promise<void>;
}

export interface CheckpointWriterOptions {
  db: Database;
  key: SigningKey;
  everyEntries: number;
  everyMinutes: number;
  sinks: CheckpointSink[];
  onSinkError: (sink: string, error: unknown) => void;
  now?: () => Date;
  /** How often to look whether one is due (default: a minute, or the interval if shorter). */
  pollMs?: number;
}

export interface CheckpointWriter {
  /** Sign and store a checkpoint if one is due; resolves with it, or undefined. */
  tick(): Promise<Checkpoint | undefined>;
  start(): void;
  stop(): Promise<void>;
}

/** An arbitrary constant next to the audit append lock: one process at a time decides and writes a checkpoint. */
const CHECKPOINT_LOCK = 4_201_957;

/**
 * Signs the head every `everyEntries` entries, or every `everyMinutes` when anything was appended, stores
 * the checkpoint in `audit_checkpoints` and copies it to each sink. Several processes may run one: an
 * advisory lock and the stored checkpoints keep them to one checkpoint per interval.
 */
export function createCheckpointWriter(options: CheckpointWriterOptions): CheckpointWriter {
  const now = options.now ?? (() => new Date());
  const intervalMs = options.everyMinutes * 60_000;
  const pollMs = options.pollMs ?? Math.min(60_000, intervalMs);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  async function tick(): Promise<Checkpoint | undefined> {
    const checkpoint = await options.db.transaction(async (tx) => {
      const [lock] = await tx.query<{ got: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS got', [CHECKPOINT_LOCK]);
      if (!lock?.got) return undefined;
      const [head] = await tx.query<{ seq: string | number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
      if (!head) return undefined;
      const seq = Number(head.seq);
      const latest = await readLatestCheckpoint(tx);
      const at = now();
      const due = !latest || seq - latest.seq >= options.everyEntries || (seq > latest.seq && at.getTime() - latest.at.getTime() >= intervalMs);
      if (!due) return undefined;
      const signed = signCheckpoint({ seq, hash: head.hash, time: at.toISOString() }, options.key);
      await storeCheckpoint(tx, signed);
      return signed;
    });
    if (checkpoint) {
      for (const sink of options.sinks) await sink.write(checkpoint).catch((error: unknown) => options.onSinkError(sink.name, error));
    }
    return checkpoint;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().catch((error: unknown) => options.onSinkError('database', error)).finally(schedule);
    }, pollMs);
    timer.unref();
  }

  return {
    tick,
    start: schedule,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
