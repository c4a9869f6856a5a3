import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queue, Worker } from 'bullmq';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import type { Config } from '../config/env.js';
import { createArtifactVerifierFromConfig } from '../artifacts/create-artifact-verifier-from-config.js';
import { createTicketArtifactFinder } from '../artifacts/ticket-artifact-refs.js';
import { createTicketDescriptionReader } from '../trackers/read-ticket-description.js';
import type { VerifyArtifact } from '../artifacts/verify-artifact.js';
import { createCriterionRegistry } from '../criteria/registry.js';
import { createDecisionRepository } from '../decisions/decision-repository.js';
import { createEvidenceRepository } from '../evidence/evidence-repository.js';
import { createIdempotencyKeys } from '../evidence/idempotency-keys.js';
import { createTokenRepository } from '../auth/index.js';
import { createEvidenceIntake } from '../intake/ingest-evidence.js';
import { listFailingTickets } from '../decisions/list-failing-tickets.js';
import { createApp } from '../http/create-app.js';
import { createUiRouter } from '../ui/create-ui-router.js';
import { createActorNames } from '../ui/audit/actor-names.js';
import { createSignInDeps } from '../ui/auth/create-sign-in-deps.js';
import { createHttpServer } from '../http/create-http-server.js';
import { createEnqueueCommand } from '../queue/enqueue-command.js';
import { createEnqueueReevaluation } from '../queue/enqueue-reevaluation.js';
import type { Logger } from '../logging/logger.js';
import { watchDependency, watched } from '../logging/dependency-watch.js';
import { createMetrics, type Metrics } from '../metrics/create-metrics.js';
import { loadPolicyFile } from '../policy/load-policy.js';
import { createDecideQueue } from '../queue/create-decide-queue.js';
import { createEnqueueTransition } from '../queue/enqueue-transition.js';
import { createProducerConnection, createWorkerConnection } from '../queue/redis-connection.js';
import { createTicketLock } from '../queue/ticket-lock.js';
import { createWaiverRepository } from '../waivers/waiver-repository.js';
import { createAuditLog, type AuditLog } from '../audit/audit-log.js';
import type { Database } from '../store/database.js';
import { loadInstallationFingerprintKey } from '../store/installation-fingerprint-key.js';
import { openServiceDatabase } from '../store/open-service-database.js';
import { startAuditSafeguards } from './start-audit-safeguards.js';
import { countAuditAppends } from './count-audit-appends.js';
import { countTrackerCalls } from './count-tracker-calls.js';
import { startMetricsServer } from './start-metrics-server.js';
import { createPolicyReloader, startPolicyBroadcast } from './policy-reloader.js';
import type { PolicyReloadRequest, PolicyReloadResult } from '../policy/policy-reload-result.js';
import type { Policy } from '../policy/policy.js';
import type { TrackerName } from '../domain/index.js';
import type { Tracker } from '../trackers/tracker.js';
import { createDecisionWorker } from '../worker/create-decision-worker.js';
import { createDecideTransition } from '../worker/decide-transition.js';
import { createDecisionAnnouncer } from '../worker/announce-decision.js';
import { createChannelSecretReader } from '../notify/channel-secrets.js';
import { unusableChannels } from '../notify/unusable-channels.js';
import { createNotify } from '../notify/create-notify.js';
import { createNotifyDigest } from '../notify/create-notify-digest.js';
import { createWaiverExpiryCheck } from '../notify/create-waiver-expiry-check.js';
import { createNotificationLog } from '../notify/notification-log.js';
import { createEnqueueNotification } from '../queue/enqueue-notification.js';
import { scheduleNotificationJobs } from '../queue/schedule-notification-jobs.js';
import { createHandleCommand } from '../worker/handle-command.js';
import { createReevaluateTicket } from '../worker/reevaluate-ticket.js';

export interface ServiceOptions {
  config: Config;
  log: Logger;
  /** `serve` runs both; `receiver` and `worker` run one each, as separate scalable processes. */
  roles: { receiver: boolean; worker: boolean };
  trackers: Partial<Record<TrackerName, Tracker>>;
  /** Use this database instead of opening one from the config (the caller closes it). */
  db?: Database;
  now?: () => Date;
  /** The live artifact check; default: S3 and GCS clients from the config and the standard credential chains. */
  verifyArtifact?: VerifyArtifact;
  /** The metrics registry to count into; default a fresh one per service. */
  metrics?: Metrics;
  /** Run once the store is open, before Redis, the worker or the receiver start (e.g. the initial admin token); receiver role only. */
  beforeStart?: (store: { db: Database; audit: AuditLog }) => Promise<void>;
}

export interface RunningService {
  /** Base URL of the HTTP server, when the receiver role runs. */
  url?: string;
  db: Database;
  queue: Queue;
  worker?: Worker;
  /** Base URL of the worker's own metrics and health port (`METRICS_PORT`, else `PORT`), when it runs without the receiver. */
  metricsUrl?: string;
  /** What `GET /metrics` serves (the receiver's port, or METRICS_PORT/PORT for a worker on its own). */
  metrics: Metrics;
  /** Re-read POLICY_FILE (SIGHUP): a good file replaces the policy in force, a bad one is logged and refused. */
  reloadPolicy(request: PolicyReloadRequest): Promise<PolicyReloadResult>;
  /** Stop taking requests, let in-flight ones and running jobs finish, then close connections. */
  close(): Promise<void>;
}

/** Start donegate: load the policy, open the store and the queue, then the HTTP server and/or the worker. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { config, log } = options;
  const ownsDb = options.db === undefined;
  const metrics = options.metrics ?? createMetrics();
  const trackers = countTrackerCalls(options.trackers, metrics);
  // Each dependency's outage is logged as a few clear lines (first failure, once a minute, recovery).
  const dependencyNow = () => (options.now?.() ?? new Date()).getTime();
  const redisWatch = watchDependency({ name: 'Redis', variable: 'REDIS_URL', url: config.redisUrl, log, now: dependencyNow });
  const databaseWatch = config.databaseUrl === undefined ? undefined : watchDependency({ name: 'PostgreSQL', variable: 'DATABASE_URL', url: config.databaseUrl, log, now: dependencyNow });
  const checkDatabase = (check: () => Promise<unknown>) => (databaseWatch === undefined ? check() : watched(databaseWatch, check));
  const db = options.db ?? (await openServiceDatabase(config, { onPoolError: (error) => databaseWatch?.failed(error) }));
  // Made on the first start and kept in the database: every process keys fingerprints the same way.
  const fingerprintKey = await loadInstallationFingerprintKey(db);
  // One reader, so the artifacts and the datasets a ticket names share a single read of its description.
  const readTicketDescription = createTicketDescriptionReader(trackers);
  const registry = createCriterionRegistry({
    verifyArtifact: options.verifyArtifact ?? createArtifactVerifierFromConfig(config.artifacts),
    findTicketArtifacts: createTicketArtifactFinder(trackers, readTicketDescription),
    readTicketDescription,
    fingerprintKey,
  });
  const policy = await loadPolicyFile(config.policyFile, registry);
  log.info({ policy: config.policyFile, policyHash: policy.hash, rules: policy.rules.length }, 'policy loaded');

  const decisions = createDecisionRepository(db);
  const audit = countAuditAppends(createAuditLog(db), metrics);
  metrics.watchCheckpointAge(async () => {
    const [latest] = await db.query<{ at: Date | string; key_id: string }>('SELECT at, key_id FROM audit_checkpoints ORDER BY id DESC LIMIT 1');
    if (latest === undefined) return undefined;
    return { keyId: latest.key_id, ageSeconds: Math.max(0, ((options.now?.() ?? new Date()).getTime() - new Date(latest.at).getTime()) / 1000) };
  });
  // Before anything else starts, so a failure here leaves nothing running but the store.
  if (options.roles.receiver) await options.beforeStart?.({ db, audit });

  const policies = createPolicyReloader({ file: config.policyFile, registry, initial: policy, audit, log });
  const safeguards = await startAuditSafeguards({ db, config, log, ...(options.now ? { now: options.now } : {}) });
  const producer = createProducerConnection(config.redisUrl);
  producer.on('error', (error: Error) => redisWatch.failed(error));
  producer.on('ready', () => redisWatch.reachable());
  await waitUntilReady(producer, 3000);
  const queue = createDecideQueue(producer, config.queuePrefix);
  queue.on('error', (error) => redisWatch.failed(error));
  metrics.watchQueue(() => queue.getJobCounts());
  // A reload through the API reaches every process on this queue prefix, each reloading its own POLICY_FILE.
  const policySubscriber = createWorkerConnection(config.redisUrl);
  policySubscriber.on('error', (error: Error) => redisWatch.failed(error));
  const policyBroadcast = startPolicyBroadcast({ subscriber: policySubscriber, publisher: producer, prefix: config.queuePrefix, reloader: policies, log });
  const reloadEverywhere = async (request: PolicyReloadRequest): Promise<PolicyReloadResult> => {
    const result = await policies.reload(request);
    if (request.via === 'api') {
      await policyBroadcast.publish(request.actor).catch((error: unknown) => {
        log.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'could not ask the other donegate processes to reload the policy (is Redis up? check REDIS_URL)');
      });
    }
    return result;
  };

  const closers: Array<() => Promise<unknown>> = [() => safeguards.close(), () => policyBroadcast.close()];
  let worker: Worker | undefined;
  let workerConnection: Redis | undefined;
  if (options.roles.worker) {
    workerConnection = createWorkerConnection(config.redisUrl);
    workerConnection.on('error', (error: Error) => redisWatch.failed(error));
    workerConnection.on('ready', () => redisWatch.reachable());
    const enqueueNotification = createEnqueueNotification(queue, { attempts: config.notificationAttempts });
    const now = options.now ?? (() => new Date());
    const notifyDeps = { policy: policies.current, trackers, sent: createNotificationLog(db), secret: createChannelSecretReader(config.notifyEnv), log, now, metrics };
    const warnUnusableChannels = (next: Policy) => {
      for (const problem of unusableChannels(next.notifications, notifyDeps.secret)) log.warn(problem);
    };
    warnUnusableChannels(policies.current());
    policies.onReloaded(warnUnusableChannels);
    const decideDeps = {
      announce: createDecisionAnnouncer({ decisions, enqueue: enqueueNotification, log }),
      trackers,
      policy: policies.current,
      registry,
      evidence: createEvidenceRepository(db),
      waivers: createWaiverRepository(db),
      decisions,
      audit,
      log,
      attachmentMaxBytes: config.attachmentMaxBytes,
      fingerprintKey,
      metrics,
      ...(options.now ? { now: options.now } : {}),
    };
    worker = createDecisionWorker({
      connection: workerConnection,
      prefix: config.queuePrefix,
      concurrency: config.workerConcurrency,
      handlers: {
        'decide-transition': createDecideTransition(decideDeps),
        're-evaluate-ticket': createReevaluateTicket(decideDeps),
        'handle-command': createHandleCommand({ ...decideDeps, enqueueReevaluation: createEnqueueReevaluation(queue) }),
        notify: createNotify(notifyDeps),
        'notify-digest': createNotifyDigest(notifyDeps),
        'notify-waiver-expiry': createWaiverExpiryCheck({ policy: policies.current, waivers: decideDeps.waivers, enqueue: enqueueNotification, now }),
      },
      lock: createTicketLock(workerConnection, { prefix: config.queuePrefix }),
      trackers,
      log,
      metrics,
      redisWatch,
    });
    const runningWorker = worker;
    closers.push(() => runningWorker.close());
    // Not awaited: BullMQ waits for Redis before it upserts, and a service whose Redis is down must still
    // start and say so. The schedulers are upserted as soon as Redis answers.
    const schedule = () => {
      scheduleNotificationJobs(queue).catch((error: unknown) => {
        log.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'could not schedule the notification digest and waiver-expiry jobs; they start with the next worker');
      });
    };
    if (producer.status === 'ready') schedule();
    else producer.once('ready', schedule);
  }

  let url: string | undefined;
  if (options.roles.receiver) {
    const signIn = await createSignInDeps(db, config.ui, options.now);
    // One resolver for the audit page and the API's HTML export, so they share a cache of names.
    const actorNames = createActorNames({ trackers, log });
    const app = createApp({
      auth: { tokens: createTokenRepository(db), log },
      ingestEvidence: createEvidenceIntake({
        registry,
        evidence: createEvidenceRepository(db),
        enqueueReevaluation: createEnqueueReevaluation(queue),
        audit,
        log,
      }),
      evidenceMaxBytes: config.evidenceMaxBytes,
      evidenceIdempotencyKeys: createIdempotencyKeys(db),
      waiverRoutes: {
        waivers: createWaiverRepository(db),
        registry,
        policy: policies.current,
        enqueueReevaluation: createEnqueueReevaluation(queue),
        audit,
        ...(options.now ? { now: options.now } : {}),
      },
      ui: createUiRouter({
        auth: { tokens: createTokenRepository(db), log },
        db,
        decisions,
        waivers: createWaiverRepository(db),
        registry,
        policy: policies.current,
        enqueueReevaluation: createEnqueueReevaluation(queue),
        audit,
        log,
        ...(options.now ? { now: options.now } : {}),
        actorNames,
        sessions: signIn.sessions,
        signIn,
      }),
      signInLinks: { links: signIn.links, ...(config.ui.publicUrl ? { publicUrl: config.ui.publicUrl } : {}) },
      webhooks: Object.fromEntries(config.trackers.map(({ plugin, settings }) => [plugin.name, plugin.webhookSettings(settings)])),
      webhookMaxBytes: config.webhookMaxBytes,
      enqueue: createEnqueueTransition(queue, { isConnected: () => producer.status === 'ready' }),
      enqueueCommand: createEnqueueCommand(queue, { isConnected: () => producer.status === 'ready' }),
      decisions,
      auditDb: db,
      auditActorNames: actorNames,
      failingTickets: (filter) => listFailingTickets(db, filter),
      readinessWarnings: safeguards.warnings,
      readiness: [
        { name: 'redis', check: () => watched(redisWatch, () => producer.ping()) },
        { name: 'database', check: () => checkDatabase(() => db.query('SELECT 1')) },
      ],
      log,
      metrics,
      queues: [queue],
      reloadPolicy: reloadEverywhere,
    });
    const server = await listen(app, config.port);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    log.info({ url }, 'receiver listening');
    // Drain first: stop accepting, let in-flight deliveries get their answer.
    closers.unshift(() => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }));
  }

  // A worker on its own has no receiver port, yet the image's HEALTHCHECK fetches /healthz on PORT for
  // every role: it serves /metrics and health on METRICS_PORT, or on PORT when that is unset.
  let metricsUrl: string | undefined;
  if (!options.roles.receiver) {
    const server = await startMetricsServer(config.metricsPort ?? config.port, metrics, [
      { name: 'redis', check: () => watched(redisWatch, () => producer.ping()) },
      { name: 'database', check: () => checkDatabase(() => db.query('SELECT 1')) },
    ]);
    metricsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    log.info({ url: metricsUrl }, 'metrics and health listening');
    closers.push(() => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  }

  let closing: Promise<void> | undefined;
  return {
    ...(url ? { url } : {}),
    ...(metricsUrl ? { metricsUrl } : {}),
    db,
    queue,
    metrics,
    ...(worker ? { worker } : {}),
    reloadPolicy: reloadEverywhere,
    close() {
      closing ??= (async () => {
        for (const close of closers) await close().catch((error: unknown) => log.warn({ err: String(error) }, 'error while closing'));
        await queue.close().catch(() => undefined);
        producer.disconnect();
        workerConnection?.disconnect();
        if (ownsDb) await db.close();
        log.info('donegate stopped');
      })();
      return closing;
    },
  };
}

function listen(app: Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createHttpServer(app).listen(port);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

/**
 * Give Redis a moment to connect before taking deliveries, so the first ones are not refused with 503.
 * Not fatal: a receiver whose Redis is down still starts, answers 503 and reports not ready.
 */
async function waitUntilReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    redis.once('ready', done);
    function done() {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    }
  });
}
