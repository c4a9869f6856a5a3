import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { submitEvidence } from '../../src/cli/evidence-submit.js';
import { runScanCommand } from '../../src/cli/run-scan-command.js';
import { exitAfterUploads } from '../../src/cli/submit-flags.js';
import { collector } from '../support/run-command.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';
import { scanReport } from '../scan-report/scan-report-fixture.js';

const CLEAN = fileURLToPath(new URL('./fixtures/npm-audit-clean.json', import.meta.url));
const CRITICAL = fileURLToPath(new URL('./fixtures/npm-audit-critical.json', import.meta.url));

describe('evidence upload retries and --wait against the service', () => {
  let h: GateHarness;
  let ciToken: string;
  beforeAll(async () => {
    h = await startGateHarness();
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    ciToken = await h.createToken('ci', 'ci-pipeline', ['ML']);
  });
  afterAll(async () => {
    await h.close();
  });

  /** `donegate evidence submit --wait` as the CLI runs it, with a ci token. */
  const submitAndWait = async (key: string, file: string, timeoutMs = 20_000) => {
    const out = collector();
    const err = collector();
    const env = { DONEGATE_URL: h.url, DONEGATE_TOKEN: ciToken };
    const streams = { out: out.stream, err: err.stream };
    const outcome = await submitEvidence({ tracker: 'jira', ticket: key, criterion: 'dependency-audit', file }, env, streams);
    const code = await exitAfterUploads([outcome], timeoutMs, env, streams);
    return { code, stdout: out.text(), stderr: err.text() };
  };

  describe('the same Idempotency-Key sent twice', () => {
    const post = async (key: string, idempotencyKey: string, report: Buffer) => {
      const form = new FormData();
      form.set('tracker', 'jira');
      form.set('ticket', key);
      form.set('criterion', 'dependency-audit');
      form.set('report', new Blob([report]), 'audit.json');
      const response = await h.api('/evidence', { method: 'POST', body: form, token: ciToken, headers: { 'idempotency-key': idempotencyKey } });
      return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as { evidence?: { id: string }; error?: { code: string } } };
    };
    const acceptedEntries = async (key: string) =>
      (await h.service.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE type = 'evidence-accepted' AND ticket = $1", [key]))[0]!.n;

    it('stores one record, appends one evidence-accepted entry and answers the repeat with the first 201', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      const key = randomUUID();
      const report = await readFile(CLEAN);
      const first = await post(issue.key, key, report);
      const again = await post(issue.key, key, report);
      expect(first.status).toBe(201);
      expect(again).toEqual({ status: 201, replayed: 'true', body: first.body });
      expect((await h.evidence.forTicket('jira', issue.key)).get('dependency-audit')).toHaveLength(1);
      expect(await acceptedEntries(issue.key)).toBe(1);
      await h.decisionFor('jira', issue.key, `evidence:${first.body.evidence!.id}`);
      expect((await h.decisions('jira', issue.key)).filter((d) => d.deliveryId.startsWith('evidence:'))).toHaveLength(1);
    });

    it('refuses the key with a different report (422 IDEMPOTENCY_KEY_REUSED) and stores nothing more', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      const key = randomUUID();
      expect((await post(issue.key, key, await readFile(CLEAN))).status).toBe(201);
      const other = await post(issue.key, key, await readFile(CRITICAL));
      expect(other).toMatchObject({ status: 422, body: { error: { code: 'IDEMPOTENCY_KEY_REUSED' } } });
      expect((await h.evidence.forTicket('jira', issue.key)).get('dependency-audit')).toHaveLength(1);
    });

    it('frees the key of a refused report, so its retry is judged afresh (422 again, not 409)', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      const key = randomUUID();
      const unreadable = Buffer.from('not a report');
      expect((await post(issue.key, key, unreadable)).status).toBe(422);
      expect((await post(issue.key, key, unreadable)).status).toBe(422);
    });

    it('answers 400 INVALID_IDEMPOTENCY_KEY to a malformed key before reading the upload', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      const answer = await post(issue.key, 'short key!', await readFile(CLEAN));
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_IDEMPOTENCY_KEY' } } });
      expect((await h.evidence.forTicket('jira', issue.key)).size).toBe(0);
    });
  });

  describe('--wait', () => {
    it('exits 0 once the re-evaluation the clean report triggered passes the ticket', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      await h.supplyEvidence('jira', issue.key, ['pii-scan']);
      const result = await submitAndWait(issue.key, CLEAN);
      expect(result.stdout).toContain(`pass: jira ${issue.key} meets every criterion of rule ml-models`);
      expect(result.code).toBe(0);
    });

    it('exits 1 for a failing report, printing each criterion not met and why', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      const result = await submitAndWait(issue.key, CRITICAL);
      expect(result.stdout).toContain(`fail: jira ${issue.key} does not meet rule ml-models`);
      expect(result.stdout).toContain('  - dependency-audit (fail): npm audit: 1 open finding at or above high');
      expect(result.stdout).toContain('  - pii-scan (fail): ');
      expect(result.code).toBe(1);
    });

    it('exits 2 when no verdict comes before the timeout (the worker is paused)', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      await h.service.worker!.pause();
      try {
        const result = await submitAndWait(issue.key, CLEAN, 1500);
        expect(result.stderr).toContain(`timed out waiting for the re-evaluation of jira ${issue.key}`);
        expect(result.code).toBe(2);
      } finally {
        h.service.worker!.resume();
      }
    });

    it('makes scan --submit exit by the verdict of both uploads: 1 while the PII found fails the ticket, 0 once a clean scan passes it', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      await h.supplyEvidence('jira', issue.key, ['dependency-audit']);
      const scanAndWait = async (report: ReturnType<typeof scanReport>) => {
        const err = collector();
        const code = await runScanCommand(['data/'], { format: 'json', submit: true, tracker: 'jira', ticket: issue.key, wait: true, timeout: '20s' }, {
          out: collector().stream,
          err: err.stream,
          env: { DONEGATE_URL: h.url, DONEGATE_TOKEN: ciToken },
          scan: async () => report,
        });
        return { code, stderr: err.text() };
      };
      const dirty = await scanAndWait(scanReport());
      expect(dirty.stderr).toContain('  - pii-scan (fail): donegate-scan 0.1.0: 3 PII findings not waived');
      expect(dirty.code).toBe(1);
      const clean = await scanAndWait(scanReport([]));
      expect(clean.stderr).toContain(`pass: jira ${issue.key} meets every criterion of rule ml-models`);
      expect(clean.code).toBe(0);
    });

    // Last: it takes Redis away from the receiver (as an outage would), so no later upload could be queued.
    it("exits 2 when the evidence was stored but its re-evaluation could not be queued ('not-queued')", async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      (await h.service.queue.client).disconnect();
      const result = await submitAndWait(issue.key, CLEAN);
      expect(result.stderr).toContain('its re-evaluation could not be queued');
      expect(result.code).toBe(2);
    });
  });
});
