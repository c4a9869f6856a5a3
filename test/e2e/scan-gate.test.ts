import { Writable } from 'node:stream';
import { runScanCommand } from '../../src/cli/run-scan-command.js';
import { adfToText } from '../../simulators/jira/adf-to-text.js';
import type { ScanReport } from '../../src/scan/scan-types.js';
import { FIXTURE_FINDINGS, RAW_VALUES, scanReport } from '../scan-report/scan-report-fixture.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

const ALICE = { actorAccountId: 'alice-acc', displayName: 'Alice' };

function sink() {
  let text = '';
  return { stream: new Writable({ write(chunk: Buffer, _enc, done) { text += chunk.toString(); done(); } }), text: () => text };
}

describe('the gate on scan reports', () => {
  let h: GateHarness;
  let ciToken: string;
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    ciToken = await h.createToken('ci', 'ci-scan', ['ML']);
  });
  afterAll(async () => {
    await h.close();
  });

  // `donegate scan data/ --submit …` with the scan library stood in by a fixed report.
  const scanAndSubmit = async (key: string, report: ScanReport, ciEnv: Record<string, string> = {}, failOnFindings = false) => {
    const out = sink();
    const err = sink();
    const code = await runScanCommand(['data/'], { format: 'json', submit: true, tracker: 'jira', ticket: key, failOnFindings }, {
      out: out.stream,
      err: err.stream,
      env: { DONEGATE_URL: h.url, DONEGATE_TOKEN: ciToken, ...ciEnv },
      scan: async () => report,
    });
    return { code, stdout: out.text(), stderr: err.text() };
  };
  const piiRecords = async (key: string) => (await h.evidence.forTicket('jira', key)).get('pii-scan') ?? [];
  const reevaluationOf = async (key: string) => {
    const [newest] = await piiRecords(key);
    return h.decisionFor('jira', key, `evidence:${newest!.id}`);
  };

  it('blocked on pii-scan → a scan with PII keeps it blocked, masked → a clean scan is submitted → the next move passes', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    await h.supplyEvidence('jira', issue.key, ['dependency-audit']);
    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'scan-1-move' });
    const blocked = await h.decisionFor('jira', issue.key, 'scan-1-move');
    expect(blocked.criteria.find((c) => c.criterion === 'pii-scan')).toMatchObject({ status: 'fail', reason: 'no evidence' });

    // The upload succeeded, so the step succeeds; the gate, not the exit code, keeps the ticket blocked.
    const dirty = await scanAndSubmit(issue.key, scanReport());
    expect(dirty.code).toBe(0);
    expect(dirty.stderr).toContain(`accepted: pii-scan evidence for jira ${issue.key}`);
    expect(dirty.stderr).toContain(`accepted: secret-scan evidence for jira ${issue.key}`);
    const stillBlocked = await reevaluationOf(issue.key);
    const pii = stillBlocked.criteria.find((c) => c.criterion === 'pii-scan')!;
    expect(pii).toMatchObject({ status: 'fail', reason: 'donegate-scan 0.1.0: 3 PII findings not waived — submitted by token `ci-scan` (ci)' });
    expect(pii.details).toContain(`data/users.csv:3 email j***@e***.com (fingerprint ${FIXTURE_FINDINGS[0]!.fingerprint.slice(0, 12)})`);

    const clean = await scanAndSubmit(issue.key, scanReport([]));
    expect(clean.code).toBe(0);
    expect((await reevaluationOf(issue.key)).outcome).toBe('pass');
    const comment = h.jira.state.comments(issue.key).find((c) => c.authorAccountId === h.jira.selfAccountId)!;
    expect(adfToText(comment.body)).toContain('can be moved to Done now');

    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'scan-1-move-2' });
    expect((await h.decisionFor('jira', issue.key, 'scan-1-move-2')).outcome).toBe('pass');

    const everything = JSON.stringify(await h.decisions('jira', issue.key)) + JSON.stringify([...(await h.evidence.forTicket('jira', issue.key)).values()]) + h.logText();
    for (const raw of RAW_VALUES) expect(everything).not.toContain(raw);
  });

  it('records the GitHub Actions run that submitted a scan as its provenance, and the reason names it', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    const github = { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/churn-model', GITHUB_RUN_ID: '4242' };

    expect((await scanAndSubmit(issue.key, scanReport([]), github)).code).toBe(0);

    const run = 'https://github.com/acme/churn-model/actions/runs/4242';
    const [record] = await piiRecords(issue.key);
    expect(record).toMatchObject({ source: 'ci:github-actions', provenance: { kind: 'token', token: 'ci-scan', role: 'ci', ciRunUrl: run } });
    const pii = (await reevaluationOf(issue.key)).criteria.find((c) => c.criterion === 'pii-scan');
    expect(pii).toMatchObject({ status: 'pass', reason: expect.stringContaining(`submitted by token \`ci-scan\` (ci), run ${run}`) });
  });

  it('holds a scan to the datasets the Jira description lists: a scan of other files keeps the ticket blocked', async () => {
    const text = (value: string) => ({ type: 'text', text: value });
    const item = (value: string) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [text(value)] }] });
    const issue = h.jira.state.createIssue({
      project: 'ML',
      status: 'In Progress',
      description: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [text('Retrain churn on the Q3 export.')] },
          { type: 'heading', attrs: { level: 2 }, content: [text('Datasets')] },
          { type: 'bulletList', content: [item('data/users.csv'), item('data/q3-export.parquet')] },
        ],
      },
    });
    await h.supplyEvidence('jira', issue.key, ['dependency-audit']);
    const files = [{ file: 'data/users.csv', sha256: 'a'.repeat(64), size: 10 }];
    await scanAndSubmit(issue.key, scanReport([], files));
    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'scan-2-move' });
    const blocked = (await h.decisionFor('jira', issue.key, 'scan-2-move')).criteria.find((c) => c.criterion === 'pii-scan');
    expect(blocked).toMatchObject({ status: 'fail', reason: 'the latest scan does not cover 1 of the 2 declared dataset files — submitted by token `ci-scan` (ci)', details: ['data/q3-export.parquet: not scanned'] });

    await scanAndSubmit(issue.key, scanReport([], [...files, { file: 'data/q3-export.parquet', sha256: 'b'.repeat(64), size: 20 }]));
    expect((await reevaluationOf(issue.key)).criteria.find((c) => c.criterion === 'pii-scan')).toMatchObject({ status: 'pass', reason: expect.stringContaining('covers the declared datasets') });
  });

  it('refuses an upload pii-scan cannot read with 422 naming the scan formats', async () => {
    const form = new FormData();
    form.set('tracker', 'jira');
    form.set('ticket', 'ML-900');
    form.set('criterion', 'pii-scan');
    form.set('report', new Blob(['{"auditReportVersion":2,"vulnerabilities":{}}']), 'audit.json');
    const response = await h.api('/evidence', { method: 'POST', body: form, token: ciToken });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/pii-scan accepts: a donegate scan report/);
  });
});
