import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Job counts by BullMQ state, as `Queue.getJobCounts()` answers them. */
export type ReadJobCounts = () => Promise<Record<string, number>>;

/** donegate's Prometheus metrics, all on one registry made here (never prom-client's global one). */
export interface Metrics {
  registry: Registry;
  /** Webhook deliveries by tracker and outcome (accepted, duplicate, ignored, refused) and HTTP status. */
  deliveries: Counter<'tracker' | 'outcome' | 'status'>;
  /** Decisions recorded by the worker, by verdict (outcome) and policy rule (`none` when no rule matched). */
  decisions: Counter<'outcome' | 'rule'>;
  /** How long a job ran, by job name and how it ended (completed, failed). */
  jobDuration: Histogram<'job' | 'result'>;
  /** How long a job waited in the queue before a worker started it, by job name. */
  queueWait: Histogram<'job'>;
  /** Entries appended to the audit log, by event type. */
  auditAppends: Counter<'event'>;
  /** Evidence reports accepted or refused, by format (`unread` for a refusal: its format was never read). */
  evidence: Counter<'result' | 'format'>;
  /** Calls to a tracker's API by tracker, operation and status (`ok`, `rate-limited`, `unavailable`, a permanent fault, `error`). */
  trackerCalls: Counter<'tracker' | 'operation' | 'status'>;
  /** How long tracker calls took, by tracker and operation. */
  trackerCallDuration: Histogram<'tracker' | 'operation'>;
  /** Notifications by channel kind (slack, webhook), event (or `digest`) and result (sent, held for a digest, failed, rate-limited). */
  notifications: Counter<'channel_kind' | 'event' | 'result'>;
  /** Read the newest audit checkpoint's age and signing key id at each scrape (undefined: none yet, no sample). */
  watchCheckpointAge(read: () => Promise<{ keyId: string; ageSeconds: number } | undefined>): void;
  /** Read the queue's job counts at each scrape; without it the queue-depth gauge stays empty. */
  watchQueue(read: ReadJobCounts): void;
}

const JOB_SECONDS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * A fresh registry with donegate's metrics (and Node's process metrics, prefixed `donegate_`).
 *
 * @example
 * const metrics = createMetrics();
 * metrics.watchQueue(() => queue.getJobCounts());
 */
export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'donegate_' });
  const readers: ReadJobCounts[] = [];
  new Gauge({
    name: 'donegate_queue_jobs',
    help: 'Jobs in the decision queue by state, read from BullMQ at scrape time.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const read of readers) {
        const counts = await read().catch(() => undefined);
        for (const [state, count] of Object.entries(counts ?? {})) this.set({ state }, count);
      }
    },
  });
  let readCheckpointAge: Parameters<Metrics['watchCheckpointAge']>[0] | undefined;
  new Gauge({
    name: 'donegate_audit_checkpoint_age_seconds',
    help: 'Seconds since the newest signed audit checkpoint, by the id of the key that signed it; absent before the first one.',
    labelNames: ['key_id'],
    registers: [registry],
    async collect() {
      this.reset();
      const latest = await readCheckpointAge?.().catch(() => undefined);
      if (latest !== undefined) this.set({ key_id: latest.keyId }, latest.ageSeconds);
    },
  });
  return {
    registry,
    deliveries: new Counter({
      name: 'donegate_webhook_deliveries_total',
      help: 'Webhook deliveries by tracker, outcome (accepted, duplicate, ignored, refused) and HTTP status.',
      labelNames: ['tracker', 'outcome', 'status'],
      registers: [registry],
    }),
    decisions: new Counter({
      name: 'donegate_decisions_total',
      help: 'Decisions recorded, by verdict (outcome) and policy rule.',
      labelNames: ['outcome', 'rule'],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'donegate_job_duration_seconds',
      help: 'Time a worker spent on a job, by job name and result.',
      labelNames: ['job', 'result'],
      buckets: JOB_SECONDS,
      registers: [registry],
    }),
    queueWait: new Histogram({
      name: 'donegate_job_queue_wait_seconds',
      help: 'Time a job waited in the queue before a worker started it, by job name.',
      labelNames: ['job'],
      buckets: JOB_SECONDS,
      registers: [registry],
    }),
    auditAppends: new Counter({
      name: 'donegate_audit_appends_total',
      help: 'Entries appended to the audit log, by event type.',
      labelNames: ['event'],
      registers: [registry],
    }),
    evidence: new Counter({
      name: 'donegate_evidence_total',
      help: 'Evidence reports accepted or refused, by format (unread for a refused report).',
      labelNames: ['result', 'format'],
      registers: [registry],
    }),
    trackerCalls: new Counter({
      name: 'donegate_tracker_calls_total',
      help: 'Calls to a tracker API by tracker, operation and status.',
      labelNames: ['tracker', 'operation', 'status'],
      registers: [registry],
    }),
    trackerCallDuration: new Histogram({
      name: 'donegate_tracker_call_duration_seconds',
      help: 'Time tracker API calls took, by tracker and operation.',
      labelNames: ['tracker', 'operation'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    notifications: new Counter({
      name: 'donegate_notifications_total',
      help: 'Notifications by channel kind, event (or digest) and result (sent, held, failed, rate-limited).',
      labelNames: ['channel_kind', 'event', 'result'],
      registers: [registry],
    }),
    watchCheckpointAge(read) {
      readCheckpointAge = read;
    },
    watchQueue(read) {
      readers.push(read);
    },
  };
}
