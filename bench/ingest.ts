import { Redis } from 'ioredis';
import type { Logger } from '../src/logging/logger.js';
import { startService } from '../src/service/start-service.js';
import type { Database } from '../src/store/database.js';
import type { TrackerName } from '../src/domain/index.js';

/** The trackers this benchmark drives (each needs a recorded delivery template and a secret). */
type BenchTracker = 'jira' | 'linear';
import { deleteKeys } from '../test/support/redis.js';
import { startBareEndpoint } from './bare-endpoint.js';
import { benchConfig, REDIS_URL } from './bench-config.js';
import { benchPrefix } from './bench-prefix.js';
import { BENCH } from './bench-settings.js';
import { JIRA_SECRET, LINEAR_SECRET, startBenchTrackers } from './bench-trackers.js';
import type { LoadJob } from './load-job.js';
import { startLoadGenerator } from './load-generator.js';
import { summarise, type LatencySummary } from './percentiles.js';
import { redisCounters } from './redis-counters.js';

export interface IngestRow {
  target: 'bare express' | 'donegate receiver';
  tracker: TrackerName;
  bodyBytes: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  /** Answer (status and `status`/`code` field) → count, measured requests only. */
  outcomes: Record<string, number>;
  /** CPU used while measuring, as a fraction of one core: the server process, the load generator, Redis. */
  cpu: { server: number; loadGenerator: number; redis: number };
  /** Server-process CPU per request, ms: steadier than req/s when other work shares the machine. */
  serverCpuMsPerRequest: number;
}

export interface IngestReport {
  rows: IngestRow[];
  /** Receiver rate ÷ bare rate, per tracker. */
  ratio: Record<BenchTracker, number>;
  /** Bare CPU per request ÷ receiver CPU per request: the rate ratio to expect when the server has a core to itself. */
  cpuRatio: Record<BenchTracker, number>;
  /** Jobs found in the queue afterwards, against the deliveries the receiver accepted (warm-up included). */
  enqueued: { expected: number; found: number };
}

/**
 * Closed-loop ingest: the same signed bodies to a bare express endpoint and to donegate's receiver
 * (receiver role only, real Redis), each after a warm-up, from a load generator in a child process.
 */
export async function benchIngest(deps: { db: Database; log: Logger; policyFile: string; dataDir: string }): Promise<IngestReport> {
  const settings = BENCH.ingest;
  const trackers = await startBenchTrackers(1);
  const templates: Record<BenchTracker, string> = {
    jira: trackers.moveJira(trackers.jiraKeys[0]!, 'template').body,
    linear: trackers.moveLinear(trackers.linearKeys[0]!).body,
  };
  const secrets: Record<BenchTracker, string> = { jira: JIRA_SECRET, linear: LINEAR_SECRET };
  const queuePrefix = benchPrefix('ingest');
  const config = benchConfig({ policyFile: deps.policyFile, dataDir: deps.dataDir, queuePrefix, trackers: trackers.endpoints });
  const service = await startService({ config, log: deps.log, roles: { receiver: true, worker: false }, trackers: {}, db: deps.db });
  const bare = await startBareEndpoint(config.webhookMaxBytes);
  const redis = new Redis(REDIS_URL);
  const generator = startLoadGenerator();
  try {
    const rows: IngestRow[] = [];
    for (const tracker of ['jira', 'linear'] as const) {
      for (const target of ['bare express', 'donegate receiver'] as const) {
        const job = (count: number, phase: string): LoadJob => ({
          url: target === 'bare express' ? bare.url : `${service.url}/webhooks/${tracker}`,
          tracker,
          secret: secrets[tracker],
          templateBody: templates[tracker],
          concurrency: settings.concurrency,
          count,
          idPrefix: `${queuePrefix}-${tracker}-${target === 'bare express' ? 'bare' : 'receiver'}-${phase}`,
        });
        await generator.run(job(settings.warmup, 'warmup'));
        const serverCpuBefore = process.cpuUsage();
        const redisBefore = await redisCounters(redis);
        const result = await generator.run(job(settings.count, 'measured'));
        const serverCpu = process.cpuUsage(serverCpuBefore);
        const redisCpu = (await redisCounters(redis)).cpuSeconds - redisBefore.cpuSeconds;
        const serverCpuMs = (serverCpu.user + serverCpu.system) / 1000;
        rows.push({
          target,
          tracker,
          bodyBytes: result.bodyBytes,
          requests: settings.count,
          requestsPerSecond: Math.round((settings.count / result.elapsedMs) * 1000),
          latencyMs: summarise(result.latenciesMs),
          outcomes: result.outcomes,
          cpu: {
            server: round2(serverCpuMs / result.elapsedMs),
            loadGenerator: round2(result.clientCpu),
            redis: round2((redisCpu * 1000) / result.elapsedMs),
          },
          serverCpuMsPerRequest: Math.round((serverCpuMs / settings.count) * 1000) / 1000,
        });
      }
    }
    const counts = await service.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed');
    const cpuOf = (tracker: TrackerName, target: IngestRow['target']) => rows.find((r) => r.tracker === tracker && r.target === target)!.serverCpuMsPerRequest;
    const rateOf = (tracker: TrackerName, target: IngestRow['target']) => rows.find((r) => r.tracker === tracker && r.target === target)!.requestsPerSecond;
    return {
      rows,
      ratio: {
        jira: round2(rateOf('jira', 'donegate receiver') / rateOf('jira', 'bare express')),
        linear: round2(rateOf('linear', 'donegate receiver') / rateOf('linear', 'bare express')),
      },
      cpuRatio: {
        jira: round2(cpuOf('jira', 'bare express') / cpuOf('jira', 'donegate receiver')),
        linear: round2(cpuOf('linear', 'bare express') / cpuOf('linear', 'donegate receiver')),
      },
      enqueued: { expected: 2 * (settings.warmup + settings.count), found: Object.values(counts).reduce((sum, n) => sum + n, 0) },
    };
  } finally {
    generator.close();
    redis.disconnect();
    await bare.close();
    await service.close();
    await trackers.close();
    await deleteKeys(queuePrefix);
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
