import { storeCheckpoint } from '../../src/audit/checkpoint-store.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';
import { parsePrometheusText, sampleValue, type Sample } from '../support/prometheus-text.js';
import { waitFor } from '../support/wait-for.js';

const ALICE = { actorAccountId: 'alice-metrics', displayName: 'Alice' };

describe('GET /metrics as deliveries flow through the gate', () => {
  let h: GateHarness;
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
  });
  afterAll(async () => {
    await h.close();
  });

  const scrape = async (): Promise<Sample[]> => {
    const response = await fetch(`${h.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await response.text());
  };

  it('answers without a token, in Prometheus text, with the queue depth read from BullMQ', async () => {
    const samples = await scrape();
    expect(samples.filter((s) => s.name === 'donegate_queue_jobs').map((s) => s.labels.state)).toEqual(expect.arrayContaining(['waiting', 'active', 'failed']));
  });

  it('counts an accepted, a duplicate, an ignored and a refused delivery, then the decision, job, audit entries and tracker calls', async () => {
    const deliveries = (outcome: string, status: string) => (samples: Sample[]) =>
      sampleValue(samples, 'donegate_webhook_deliveries_total', { tracker: 'jira', outcome, status });
    const before = await scrape();
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    const move = h.jira.moveIssue(issue.key, 'Done', ALICE);

    expect((await h.post('jira', move, { deliveryId: 'metrics-1' })).answer).toMatchObject({ status: 'accepted' });
    expect((await h.post('jira', move, { deliveryId: 'metrics-1' })).answer).toMatchObject({ status: 'duplicate' });
    const other = h.jira.state.createIssue({ project: 'ML', status: 'To Do' });
    expect((await h.post('jira', h.jira.moveIssue(other.key, 'In Progress', ALICE))).answer).toMatchObject({ status: 'ignored' });
    expect((await fetch(`${h.url}/webhooks/jira`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    const decision = await h.decisionFor('jira', issue.key, 'metrics-1');
    expect(decision).toMatchObject({ outcome: 'fail', rule: 'ml-models' });

    const after = await waitFor(
      async () => {
        const samples = await scrape();
        return sampleValue(samples, 'donegate_job_duration_seconds_count', { job: 'decide-transition', result: 'completed' }) >
          sampleValue(before, 'donegate_job_duration_seconds_count', { job: 'decide-transition', result: 'completed' }) && samples;
      },
      { what: 'the job to be counted as completed' },
    );
    expect(deliveries('accepted', '202')(after) - deliveries('accepted', '202')(before)).toBe(1);
    expect(deliveries('duplicate', '202')(after) - deliveries('duplicate', '202')(before)).toBe(1);
    expect(deliveries('ignored', '202')(after) - deliveries('ignored', '202')(before)).toBe(1);
    expect(deliveries('refused', '401')(after) - deliveries('refused', '401')(before)).toBe(1);
    const failed = (samples: Sample[]) => sampleValue(samples, 'donegate_decisions_total', { outcome: 'fail', rule: 'ml-models' });
    expect(failed(after) - failed(before)).toBe(1);
    const waited = (samples: Sample[]) => sampleValue(samples, 'donegate_job_queue_wait_seconds_count', { job: 'decide-transition' });
    expect(waited(after) - waited(before)).toBeGreaterThanOrEqual(1);
    const decisionEntries = (samples: Sample[]) => sampleValue(samples, 'donegate_audit_appends_total', { event: 'decision' });
    expect(decisionEntries(after) - decisionEntries(before)).toBe(1);
    const moves = (samples: Sample[]) => sampleValue(samples, 'donegate_tracker_calls_total', { tracker: 'jira', operation: 'moveTo', status: 'ok' });
    expect(moves(after) - moves(before)).toBe(1);
    expect(sampleValue(after, 'donegate_tracker_call_duration_seconds_count', { tracker: 'jira', operation: 'getTicket' })).toBeGreaterThan(0);
  });

  it('counts evidence accepted by its format and evidence refused', async () => {
    const ci = await h.createToken('ci', 'ci-metrics', ['ML']);
    const upload = (report: string) => {
      const form = new FormData();
      form.set('tracker', 'jira');
      form.set('ticket', 'ML-77');
      form.set('criterion', 'dependency-audit');
      form.set('report', new Blob([report]), 'audit.json');
      return h.api('/evidence', { method: 'POST', body: form, token: ci });
    };
    const evidence = (result: string, format: string) => (samples: Sample[]) => sampleValue(samples, 'donegate_evidence_total', { result, format });
    const before = await scrape();

    expect((await upload(JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { total: 0 } } }))).status).toBe(201);
    expect((await upload('not a report')).status).toBe(422);

    const after = await scrape();
    expect(evidence('accepted', 'npm-audit')(after) - evidence('accepted', 'npm-audit')(before)).toBe(1);
    expect(evidence('refused', 'unread')(after) - evidence('refused', 'unread')(before)).toBe(1);
  });
});

describe('GET /metrics and the audit checkpoints', () => {
  let h: GateHarness;
  beforeAll(async () => {
    h = await startGateHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const ageSamples = async () =>
    parsePrometheusText(await (await fetch(`${h.url}/metrics`)).text()).filter((s) => s.name === 'donegate_audit_checkpoint_age_seconds');

  it('has no checkpoint age before the first checkpoint, then the newest one\'s age and key id', async () => {
    expect(await ageSamples()).toEqual([]);
    const signedAt = new Date(Date.now() - 90_000);
    await storeCheckpoint(h.service.db, {
      format: 'donegate-audit-checkpoint',
      version: 1,
      seq: 1,
      hash: 'a'.repeat(64),
      time: signedAt.toISOString(),
      keyId: '0123456789abcdef',
      signature: 'c2lnbmF0dXJl',
    });

    const [age] = await ageSamples();
    expect(age!.labels).toEqual({ key_id: '0123456789abcdef' });
    expect(age!.value).toBeGreaterThanOrEqual(90);
    expect(age!.value).toBeLessThan(150);
  });
});
