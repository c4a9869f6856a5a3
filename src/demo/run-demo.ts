import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { findTrackerPlugin, trackerRedactPaths } from '../trackers/registry.js';
import type { Config } from '../config/env.js';
import type { Decision } from '../decisions/decision.js';
import { createDecisionRepository, type DecisionRepository } from '../decisions/decision-repository.js';
import { createEvidenceRepository } from '../evidence/evidence-repository.js';
import { createLogger } from '../logging/logger.js';
import { createTrackers } from '../service/create-trackers.js';
import { startService } from '../service/start-service.js';
import { createS3ArtifactStore } from '../artifacts/s3/s3-artifact-store.js';
import { createArtifactVerifier } from '../artifacts/verify-artifact.js';
import { parseArtifactEvidence } from '../criteria/artifact-evidence.js';
import { openDatabase } from '../store/open-database.js';
import type { TrackerName } from '../domain/index.js';
import type { DemoTicketView, DemoTracker, StartDemoTrackers } from './demo-trackers.js';
import { DEMO_ARTIFACT } from './demo-tickets.js';
import { loadDemoTrackers } from './load-demo-trackers.js';
import { postDelivery, type PostedDelivery } from './post-delivery.js';
import { requireReadyService } from './require-ready-service.js';
import { startTogether } from './start-together.js';
import { readSampleDeliveries } from './sample-deliveries.js';

export interface DemoOptions {
  out: NodeJS.WritableStream;
  /** REDIS_URL and POLICY_FILE are used; trackers, database and port are the demo's own. */
  config: Config;
  /** Default: the built-in simulators, loaded from a development checkout. */
  startTrackers?: StartDemoTrackers;
}

/**
 * The whole loop on one machine, no tracker account needed: a built-in simulator of every tracker the
 * demo knows, the real receiver, queue, worker and gate (embedded PGlite, in memory), the sample
 * deliveries from `webhooks/` replayed against them, then evidence supplied and the tickets moved to Done again.
 */
export async function runDemo({ out, config, startTrackers }: DemoOptions): Promise<number> {
  const print = (line = '') => out.write(`${line}\n`);
  // The demo's S3 is a local simulator: the AWS SDK's notice about future Node.js versions concerns real
  // AWS use and would only clutter a newcomer's first run. An operator's own setting is left alone.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Loading the simulators fails at once outside a development checkout, before anything is started.
  const start = startTrackers ?? (await loadDemoTrackers());
  const [simulators, db] = await startTogether(start, () => openDatabase({ dataDir: null }));
  const trackers = simulators.trackers;
  try {
    const demoConfig: Config = {
      ...config,
      port: 0,
      dataDir: '',
      queuePrefix: `donegate-demo-${randomBytes(4).toString('hex')}`,
      trackers: trackers.map(pluginSettings),
    };
    delete demoConfig.databaseUrl;
    const log = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', destination: pino.destination(2), redact: trackerRedactPaths() });
    const service = await startService({
      config: demoConfig,
      log,
      roles: { receiver: true, worker: true },
      trackers: await createTrackers(demoConfig, log),
      db,
      // The model file lives in the built-in S3 simulator, checked live through the real AWS SDK.
      verifyArtifact: createArtifactVerifier({ stores: { s3: createS3ArtifactStore(simulators.s3) }, hashMaxBytes: demoConfig.artifacts.hashMaxBytes }),
    });
    try {
      await requireReadyService(service.url!);
      await tellTheStory(service.url!, createDecisionRepository(db), createEvidenceRepository(db));
    } finally {
      await service.close();
    }
    return 0;
  } finally {
    await db.close();
    await simulators.close();
  }

  async function tellTheStory(url: string, decisions: DecisionRepository, evidence: ReturnType<typeof createEvidenceRepository>): Promise<void> {
    print(`donegate demo — receiver ${url}; ${trackers.map((t) => `${t.label} simulator ${t.simulatorUrl}`).join(', ')}`);
    print(`policy ${config.policyFile}; tickets ${trackers.map((t) => `${t.ticketKey} (${t.place})`).join(', ')}`);
    print();
    print('1. Replaying the sample deliveries in webhooks/ (signed as the trackers sign them)');
    // Each delivery is decided before the next is sent, so every ticket's story reads in order.
    for (const tracker of trackers) {
      const samples = await readSampleDeliveries(tracker.name);
      for (const step of tracker.replay) {
        const sample = samples.get(step.file);
        if (!sample) throw new Error(`sample delivery webhooks/${tracker.name}/${step.file} is missing`);
        step.before?.();
        const posted = await postDelivery(url, tracker.name, tracker.signSample(sample.body));
        print(`   ${tracker.name.padEnd(6)} ${step.file.padEnd(46)} → ${describeAnswer(posted)}`);
        await decided(decisions, tracker, posted);
      }
    }
    print();
    await describeTickets(decisions);

    print(`2. CI supplies the evidence, and ${trackers.length === 1 ? 'the ticket is' : `all ${trackers.length} tickets are`} moved to Done again`);
    const manifest = parseArtifactEvidence(Buffer.from(`${DEMO_ARTIFACT.sha256}  ${DEMO_ARTIFACT.uri}\n`));
    // As if uploaded by the pipeline's ci token.
    const provenance = { kind: 'token', token: 'demo-ci', role: 'ci' } as const;
    for (const { name: tracker, ticketKey } of trackers) {
      for (const criterion of ['pii-scan', 'dependency-audit']) {
        await evidence.add({ tracker, ticketKey, criterion, outcome: 'pass', summary: { text: `${criterion}: demo evidence, nothing found` }, sha256: 'e'.repeat(64), source: 'demo', submitter: 'demo-ci', provenance });
      }
      await evidence.add({ tracker, ticketKey, criterion: 'encrypted-artifact', outcome: manifest.outcome, summary: { ...manifest.summary, format: manifest.format }, sha256: 'e'.repeat(64), source: 'demo', submitter: 'demo-ci', provenance });
      print(`   evidence for ${ticketKey}: pii-scan, dependency-audit, and the model file ${DEMO_ARTIFACT.uri} for encrypted-artifact`);
    }
    for (const tracker of trackers) {
      const posted = await postDelivery(url, tracker.name, tracker.moveToDone());
      print(`   ${tracker.name.padEnd(6)} ${tracker.ticketKey} moved to Done → ${describeAnswer(posted)}`);
      await decided(decisions, tracker, posted);
    }
    print();
    await describeTickets(decisions);
    print('Every decision above is stored in the database; a running donegate serves them at GET /api/v1/tickets/:tracker/:key/decisions.');
  }

  async function describeTickets(decisions: DecisionRepository): Promise<void> {
    for (const tracker of trackers) printTicket(tracker, tracker.view(), await decisions.forTicket(tracker.name, tracker.ticketKey));
  }

  function printTicket({ label, ticketKey }: DemoTracker, { status, labels, ownComments, lastOwnComment }: DemoTicketView, history: Decision[]): void {
    const last = history.at(-1);
    print(`── ${label} ${ticketKey}: now in "${status}", labels [${labels.join(', ')}], ${ownComments} donegate comment(s), ${history.length} decision(s)`);
    if (last) print(`   last decision: ${last.outcome}${last.reason ? ` — ${last.reason}` : ''}; actions: ${last.actions.map((a) => `${a.type}${a.ok ? '' : ' (failed)'}`).join(', ') || 'none'}`);
    if (lastOwnComment) print(lastOwnComment.split('\n').map((line) => `   │ ${line}`).join('\n'));
    print();
  }
}

/** The tracker's plugin, switched on against its simulator; a demo entry for an unregistered tracker is a bug. */
function pluginSettings(tracker: DemoTracker): Config['trackers'][number] {
  const plugin = findTrackerPlugin(tracker.name);
  if (!plugin) throw new Error(`the demo describes ${tracker.name}, which is not a registered tracker`);
  return { plugin, settings: plugin.env.schema.parse(tracker.env) };
}

function describeAnswer({ status, answer }: PostedDelivery): string {
  return `${status} ${String(answer.status)}${answer.reason ? ` (${String(answer.reason)})` : ''}`;
}

/** An accepted delivery is decided by the worker; the id it is recorded under is the one donegate answered with. */
async function decided(decisions: DecisionRepository, tracker: DemoTracker, posted: PostedDelivery): Promise<void> {
  if (posted.answer.status === 'accepted') await waitForDecision(decisions, tracker.name, tracker.ticketKey, String(posted.answer.deliveryId));
}

async function waitForDecision(decisions: DecisionRepository, tracker: TrackerName, key: string, deliveryId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await decisions.forTicket(tracker, key)).some((d) => d.deliveryId === deliveryId)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no decision for ${tracker} ${key} (delivery ${deliveryId}) within 30 s — is the worker running and Redis reachable?`);
}
