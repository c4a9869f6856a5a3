import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { jiraPlugin } from '../trackers/jira/plugin.js';
import { linearPlugin } from '../trackers/linear/plugin.js';
import { trackerRedactPaths } from '../trackers/registry.js';
import type { Config } from '../config/env.js';
import type { Decision } from '../decisions/decision.js';
import { createDecisionRepository } from '../decisions/decision-repository.js';
import { createEvidenceRepository } from '../evidence/evidence-repository.js';
import { createLogger } from '../logging/logger.js';
import { createTrackers } from '../service/create-trackers.js';
import { startService } from '../service/start-service.js';
import { createS3ArtifactStore } from '../artifacts/s3/s3-artifact-store.js';
import { createArtifactVerifier } from '../artifacts/verify-artifact.js';
import { parseArtifactEvidence } from '../criteria/artifact-evidence.js';
import { openDatabase } from '../store/open-database.js';
import type { TrackerName } from '../domain/index.js';
import type { DemoTicketView, StartDemoTrackers } from './demo-trackers.js';
import { DEMO_ARTIFACT, DEMO_JIRA, DEMO_LINEAR } from './demo-tickets.js';
import { loadDemoTrackers } from './load-demo-trackers.js';
import { postSignedDelivery } from './post-delivery.js';
import { requireReadyService } from './require-ready-service.js';
import { readSampleDeliveries } from './sample-deliveries.js';

const JIRA_SECRET = 'demo-jira-webhook-secret';
const LINEAR_SECRET = 'demo-linear-webhook-secret';

export interface DemoOptions {
  out: NodeJS.WritableStream;
  /** REDIS_URL and POLICY_FILE are used; trackers, database and port are the demo's own. */
  config: Config;
  /** Default: the built-in simulators, loaded from a development checkout. */
  startTrackers?: StartDemoTrackers;
}

/**
 * The whole loop on one machine, no tracker account needed: built-in Jira and Linear simulators, the
 * real receiver, queue, worker and gate (embedded PGlite, in memory), the sample deliveries from
 * `webhooks/` replayed against them, then evidence supplied and the tickets moved to Done again.
 */
export async function runDemo({ out, config, startTrackers }: DemoOptions): Promise<number> {
  const print = (line = '') => out.write(`${line}\n`);
  // The demo's S3 is a local simulator: the AWS SDK's notice about future Node.js versions concerns real
  // AWS use and would only clutter a newcomer's first run. An operator's own setting is left alone.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const trackers = await (startTrackers ?? (await loadDemoTrackers()))();
  const { jira, linear } = trackers;
  const demoConfig: Config = {
    ...config,
    port: 0,
    dataDir: '',
    queuePrefix: `donegate-demo-${randomBytes(4).toString('hex')}`,
    trackers: [
      { plugin: jiraPlugin, settings: jiraPlugin.env.schema.parse({ JIRA_BASE_URL: jira.baseUrl, JIRA_EMAIL: jira.email, JIRA_API_TOKEN: jira.apiToken, JIRA_WEBHOOK_SECRET: JIRA_SECRET }) },
      { plugin: linearPlugin, settings: linearPlugin.env.schema.parse({ LINEAR_API_KEY: linear.apiKey, LINEAR_API_URL: linear.apiUrl, LINEAR_WEBHOOK_SECRET: LINEAR_SECRET }) },
    ],
  };
  delete demoConfig.databaseUrl;
  const log = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', destination: pino.destination(2), redact: trackerRedactPaths() });
  const db = await openDatabase({ dataDir: null });
  const decisions = createDecisionRepository(db);
  const service = await startService({
    config: demoConfig,
    log,
    roles: { receiver: true, worker: true },
    trackers: await createTrackers(demoConfig, log),
    db,
    // The model file lives in the built-in S3 simulator, checked live through the real AWS SDK.
    verifyArtifact: createArtifactVerifier({ stores: { s3: createS3ArtifactStore(trackers.s3) }, hashMaxBytes: demoConfig.artifacts.hashMaxBytes }),
  });
  const url = service.url!;
  const secretOf = (tracker: TrackerName) => (tracker === 'jira' ? JIRA_SECRET : LINEAR_SECRET);

  try {
    await requireReadyService(url);
    print(`donegate demo — receiver ${url}, Jira simulator ${jira.baseUrl}, Linear simulator ${linear.apiUrl}`);
    print(`policy ${config.policyFile}; tickets ${DEMO_JIRA.issueKey} (Jira project ML) and ${DEMO_LINEAR.identifier} (Linear team AI)`);
    print();
    print('1. Replaying the sample deliveries in webhooks/ (signed as the trackers sign them)');
    const jiraIssueId = jira.issueId(DEMO_JIRA.issueKey);
    // Each sample arrives after the change it reports: the simulator makes that change first, as a person would.
    const moveJira = (statusId: string) => () => void jira.moveTicket(DEMO_JIRA.issueKey, statusId);
    const moveLinear = (stateId: string) => () => void linear.moveTicket(DEMO_LINEAR.identifier, stateId);
    const jiraSamples = await readSampleDeliveries('jira');
    const linearSamples = await readSampleDeliveries('linear');
    const replay: Array<{ tracker: TrackerName; file: string; before?: () => void }> = [
      { tracker: 'jira', file: 'issue-updated-labels-and-summary.json' },
      { tracker: 'jira', file: 'issue-updated-in-progress-to-in-review.json', before: moveJira(DEMO_JIRA.statuses.inReview) },
      { tracker: 'jira', file: 'issue-updated-into-done.json', before: () => { moveJira(DEMO_JIRA.statuses.inProgress)(); moveJira(DEMO_JIRA.statuses.done)(); } },
      { tracker: 'jira', file: 'comment-created.json' },
      { tracker: 'linear', file: 'issue-update-priority-only.json' },
      { tracker: 'linear', file: 'issue-update-into-started.json', before: moveLinear(DEMO_LINEAR.states.inProgress) },
      { tracker: 'linear', file: 'issue-update-legacy-unchanged-state.json' },
      { tracker: 'linear', file: 'issue-update-into-completed.json', before: () => { moveLinear(DEMO_LINEAR.states.inReview)(); moveLinear(DEMO_LINEAR.states.done)(); } },
      { tracker: 'linear', file: 'comment-create.json' },
    ];
    const gated: Array<{ tracker: TrackerName; key: string; deliveryId: string }> = [];
    for (const step of replay) {
      const sample = (step.tracker === 'jira' ? jiraSamples : linearSamples).get(step.file);
      if (!sample) throw new Error(`sample delivery webhooks/${step.tracker}/${step.file} is missing`);
      step.before?.();
      const body = rewriteForSimulator(step.tracker, sample.body, jiraIssueId);
      const deliveryId = `demo-${step.tracker}-${step.file}`;
      const posted = await postSignedDelivery(url, step.tracker, secretOf(step.tracker), body, deliveryId);
      print(`   ${step.tracker.padEnd(6)} ${step.file.padEnd(46)} → ${posted.status} ${String(posted.answer.status)}${posted.answer.reason ? ` (${String(posted.answer.reason)})` : ''}`);
      if (posted.answer.status === 'accepted') {
        // The id donegate keyed the delivery on (for Jira, the digest of the signed body), as its answer says.
        gated.push({ tracker: step.tracker, key: step.tracker === 'jira' ? DEMO_JIRA.issueKey : DEMO_LINEAR.identifier, deliveryId: String(posted.answer.deliveryId) });
      }
    }
    for (const g of gated) await waitForDecision(decisions, g.tracker, g.key, g.deliveryId);
    print();
    await describeTickets();

    print('2. CI supplies the evidence, and both tickets are moved to Done again');
    const evidence = createEvidenceRepository(db);
    const manifest = parseArtifactEvidence(Buffer.from(`${DEMO_ARTIFACT.sha256}  ${DEMO_ARTIFACT.uri}\n`));
    // As if uploaded by the pipeline's ci token.
    const provenance = { kind: 'token', token: 'demo-ci', role: 'ci' } as const;
    for (const [tracker, key] of [['jira', DEMO_JIRA.issueKey], ['linear', DEMO_LINEAR.identifier]] as const) {
      for (const criterion of ['pii-scan', 'dependency-audit']) {
        await evidence.add({ tracker, ticketKey: key, criterion, outcome: 'pass', summary: { text: `${criterion}: demo evidence, nothing found` }, sha256: 'e'.repeat(64), source: 'demo', submitter: 'demo-ci', provenance });
      }
      await evidence.add({ tracker, ticketKey: key, criterion: 'encrypted-artifact', outcome: manifest.outcome, summary: { ...manifest.summary, format: manifest.format }, sha256: 'e'.repeat(64), source: 'demo', submitter: 'demo-ci', provenance });
      print(`   evidence for ${key}: pii-scan, dependency-audit, and the model file ${DEMO_ARTIFACT.uri} for encrypted-artifact`);
    }
    const jiraMove = jira.moveTicket(DEMO_JIRA.issueKey, DEMO_JIRA.statuses.done);
    const linearMove = linear.moveTicket(DEMO_LINEAR.identifier, DEMO_LINEAR.states.done);
    const second = [
      { tracker: 'jira' as const, key: DEMO_JIRA.issueKey, deliveryId: 'demo-jira-second-move', body: jiraMove },
      { tracker: 'linear' as const, key: DEMO_LINEAR.identifier, deliveryId: 'demo-linear-second-move', body: { ...linearMove, webhookTimestamp: Date.now() } },
    ];
    for (const move of second) {
      const posted = await postSignedDelivery(url, move.tracker, secretOf(move.tracker), move.body, move.deliveryId);
      print(`   ${move.tracker.padEnd(6)} ${move.key} moved to Done → ${posted.status} ${String(posted.answer.status)}`);
      await waitForDecision(decisions, move.tracker, move.key, String(posted.answer.deliveryId));
    }
    print();
    await describeTickets();
    print('Every decision above is stored in the database; a running donegate serves them at GET /api/v1/tickets/:tracker/:key/decisions.');
    return 0;
  } finally {
    await service.close();
    await db.close();
    await trackers.close();
  }

  async function describeTickets(): Promise<void> {
    printTicket('Jira', DEMO_JIRA.issueKey, jira.view(DEMO_JIRA.issueKey), await decisions.forTicket('jira', DEMO_JIRA.issueKey));
    printTicket('Linear', DEMO_LINEAR.identifier, linear.view(DEMO_LINEAR.identifier), await decisions.forTicket('linear', DEMO_LINEAR.identifier));
  }

  function printTicket(tracker: string, key: string, { status, labels, ownComments, lastOwnComment }: DemoTicketView, history: Decision[]): void {
    const last = history.at(-1);
    print(`── ${tracker} ${key}: now in "${status}", labels [${labels.join(', ')}], ${ownComments} donegate comment(s), ${history.length} decision(s)`);
    if (last) print(`   last decision: ${last.outcome}${last.reason ? ` — ${last.reason}` : ''}; actions: ${last.actions.map((a) => `${a.type}${a.ok ? '' : ' (failed)'}`).join(', ') || 'none'}`);
    if (lastOwnComment) print(lastOwnComment.split('\n').map((line) => `   │ ${line}`).join('\n'));
    print();
  }
}

/**
 * Jira assigns its own issue ids; the sample's id is swapped for the simulator's. Both trackers' signed
 * timestamps must be fresh: the samples were recorded long ago, and an old one is refused as a replay.
 */
function rewriteForSimulator(tracker: TrackerName, body: Record<string, unknown>, jiraIssueId: string): Record<string, unknown> {
  if (tracker === 'linear') return { ...body, webhookTimestamp: Date.now() };
  const issue = body.issue as Record<string, unknown> | undefined;
  return { ...body, timestamp: Date.now(), ...(issue ? { issue: { ...issue, id: jiraIssueId } } : {}) };
}

async function waitForDecision(decisions: ReturnType<typeof createDecisionRepository>, tracker: TrackerName, key: string, deliveryId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await decisions.forTicket(tracker, key)).some((d) => d.deliveryId === deliveryId)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no decision for ${tracker} ${key} (delivery ${deliveryId}) within 30 s — is the worker running and Redis reachable?`);
}
