import { Redis } from 'ioredis';
import type { Logger } from '../src/logging/logger.js';
import { createTrackers } from '../src/service/create-trackers.js';
import { startService } from '../src/service/start-service.js';
import type { Database } from '../src/store/database.js';
import { deleteKeys } from '../test/support/redis.js';
import { waitFor } from '../test/support/wait-for.js';
import { benchConfig, REDIS_URL } from './bench-config.js';
import { benchPrefix } from './bench-prefix.js';
import { BENCH } from './bench-settings.js';
import { startChild } from './child-process.js';
import type { DriverReady, DriverResult, RunDriver, StartDriver } from './driver-messages.js';
import { countingDatabase } from './counting-database.js';
import { redisCounters } from './redis-counters.js';
import { startRssSampler } from './rss-sampler.js';

export interface EndToEndReport extends Omit<DriverResult, 'kind'> {
  ratePerSecond: number;
  warmup: number;
  /** Decisions in the database at the end, warm-up included. */
  decisionsRecorded: number;
  jobsFailed: number;
  workerConcurrency: number;
  /** Of donegate's process (receiver + worker; the simulators run in the driver process). */
  peakRssBytes: number;
  /** RSS once donegate started, before any delivery. */
  startRssBytes: number;
  /** CPU per decision, ms, warm-up included: donegate's process, and the Redis server. */
  cpuPerDecisionMs: { donegate: number; redis: number };
  /** Work per decision, warm-up included: SQL statements donegate sent, Redis commands (all clients). */
  perDecision: { sqlStatements: number; redisCommands: number };
}

/**
 * donegate with both roles in this process, against simulators and an open-loop sender in a child process
 * (driver-process.ts), on the real Redis and a fresh PostgreSQL database.
 */
export async function benchEndToEnd(deps: { db: Database; log: Logger; policyFile: string; dataDir: string }): Promise<EndToEndReport> {
  const settings = BENCH.endToEnd;
  const driver = startChild(new URL('./driver-process.ts', import.meta.url));
  const queuePrefix = benchPrefix('e2e');
  const redis = new Redis(REDIS_URL);
  let service: Awaited<ReturnType<typeof startService>> | undefined;
  try {
    const ready = driver.next<DriverReady>();
    driver.send({ kind: 'start', ticketsPerTracker: Math.ceil((settings.warmup + settings.count) / 2) } satisfies StartDriver);
    const { endpoints } = await ready;
    const config = benchConfig({ policyFile: deps.policyFile, dataDir: deps.dataDir, queuePrefix, trackers: endpoints });
    const counted = countingDatabase(deps.db);
    service = await startService({ config, log: deps.log, roles: { receiver: true, worker: true }, trackers: await createTrackers(config, deps.log), db: counted.db });
    let jobsFailed = 0;
    service.worker?.on('failed', () => jobsFailed++);

    const startRssBytes = process.memoryUsage.rss();
    const rss = startRssSampler();
    const cpuBefore = process.cpuUsage();
    const redisBefore = await redisCounters(redis);
    const statementsBefore = counted.statements();
    const result = driver.next<DriverResult>();
    driver.send({ kind: 'run', url: service.url!, warmup: settings.warmup, count: settings.count, ratePerSecond: settings.ratePerSecond, drainTimeoutMs: settings.drainTimeoutMs } satisfies RunDriver);
    const { kind: _kind, ...measured } = await result;

    const countDecisions = async () => Number((await deps.db.query<{ n: string }>('SELECT count(*) AS n FROM decisions'))[0]?.n ?? 0);
    const expected = settings.warmup + measured.accepted;
    const decisionsRecorded = await waitFor(async () => {
      const n = await countDecisions();
      return n >= expected && n;
    }, { timeoutMs: 5_000 }).catch(countDecisions);
    const cpu = process.cpuUsage(cpuBefore);
    const redisAfter = await redisCounters(redis);
    const round2 = (value: number) => Math.round(value * 100) / 100;
    const perDecision = (total: number) => round2(total / Math.max(1, decisionsRecorded));
    return {
      ...measured,
      ratePerSecond: settings.ratePerSecond,
      warmup: settings.warmup,
      decisionsRecorded,
      jobsFailed,
      workerConcurrency: config.workerConcurrency,
      peakRssBytes: rss.stop(),
      startRssBytes,
      cpuPerDecisionMs: {
        donegate: perDecision((cpu.user + cpu.system) / 1000),
        redis: perDecision((redisAfter.cpuSeconds - redisBefore.cpuSeconds) * 1000),
      },
      perDecision: {
        sqlStatements: perDecision(counted.statements() - statementsBefore),
        redisCommands: perDecision(redisAfter.commands - redisBefore.commands),
      },
    };
  } finally {
    await service?.close();
    driver.close();
    redis.disconnect();
    await deleteKeys(queuePrefix);
  }
}
