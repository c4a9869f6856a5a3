import { readFile } from 'node:fs/promises';
import { createTokenRepository } from '../../src/auth/index.js';
import { BLOCKED_LABEL } from '../../src/domain/index.js';
import { adfToText } from '../../simulators/jira/adf-to-text.js';
import { startGateHarness, type GateHarness } from '../support/gate-harness.js';

const CLEAN = new URL('./fixtures/npm-audit-clean.json', import.meta.url);
const CRITICAL = new URL('./fixtures/npm-audit-critical.json', import.meta.url);
const ALICE = { actorAccountId: 'alice-acc', displayName: 'Alice' };

describe('evidence from CI', () => {
  let h: GateHarness;
  let ciToken: string;
  beforeAll(async () => {
    h = await startGateHarness({ env: { EVIDENCE_MAX_BYTES: '4096' } });
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    h.linear.addTeam({ key: 'AI' });
    ciToken = await h.createToken('ci', 'ci-pipeline', ['ML', 'AI']);
  });
  afterAll(async () => {
    await h.close();
  });

  const upload = async (ticket: string, file: URL | string, options: { token?: string | null; criterion?: string; tracker?: string } = {}) => {
    const form = new FormData();
    form.set('tracker', options.tracker ?? 'jira');
    form.set('ticket', ticket);
    form.set('criterion', options.criterion ?? 'dependency-audit');
    form.set('report', new Blob([typeof file === 'string' ? file : await readFile(file)]), 'audit.json');
    const response = await h.api('/evidence', { method: 'POST', body: form, token: options.token === undefined ? ciToken : options.token });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { evidence?: { id: string }; error?: { code: string; message: string } } };
  };
  const ownJiraComment = (key: string) => h.jira.state.comments(key).find((c) => c.authorAccountId === h.jira.selfAccountId);

  it('blocked for lack of a report → CI submits a clean one → comment and property update at once → the next move passes', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'ev-1-move' });
    expect((await h.decisionFor('jira', issue.key, 'ev-1-move')).outcome).toBe('fail');
    await h.supplyEvidence('jira', issue.key, ['pii-scan']);

    const submitted = await upload(issue.key, CLEAN);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ evidence: { format: 'npm-audit', outcome: 'pass', submitter: 'ci-pipeline', source: 'api' }, reevaluation: 'queued' });
    const reevaluated = await h.decisionFor('jira', issue.key, `evidence:${submitted.body.evidence!.id}`);
    expect(reevaluated).toMatchObject({ outcome: 'pass', actions: [expect.objectContaining({ type: 'comment' }), expect.objectContaining({ type: 'label-remove' }), expect.objectContaining({ type: 'property' })] });
    expect(issue.statusId).not.toBe(h.jira.state.status('Done').id); // evidence never moves a ticket
    expect(adfToText(ownJiraComment(issue.key)!.body)).toContain(`so ${issue.key} can be moved to Done now`);
    expect(issue.properties.get('donegate.verdict')).toMatchObject({ status: 'pass' });
    expect(issue.labels).not.toContain(BLOCKED_LABEL);

    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'ev-1-move-2' });
    expect((await h.decisionFor('jira', issue.key, 'ev-1-move-2')).outcome).toBe('pass');
    expect(h.jira.state.comments(issue.key).filter((c) => c.authorAccountId === h.jira.selfAccountId)).toHaveLength(1);
  });

  it('a report with a critical finding keeps the ticket blocked and names the advisory, package and fix', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    await h.supplyEvidence('jira', issue.key, ['pii-scan']);
    const submitted = await upload(issue.key, CRITICAL);
    expect(submitted.body).toMatchObject({ evidence: { outcome: 'fail' } });
    await h.decisionFor('jira', issue.key, `evidence:${submitted.body.evidence!.id}`);

    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'ev-2-move' });
    const decision = await h.decisionFor('jira', issue.key, 'ev-2-move');
    expect(decision.outcome).toBe('fail');
    const audit = decision.criteria.find((c) => c.criterion === 'dependency-audit')!;
    expect(audit.reason).toBe('npm audit: 1 open finding at or above high — submitted by token `ci-pipeline` (ci)');
    expect(audit.details).toEqual(['GHSA-p6mc-m468-83gw lodash → fixed in 4.17.21 (critical)']);
    expect(adfToText(ownJiraComment(issue.key)!.body)).toContain('GHSA-p6mc-m468-83gw lodash');
  });

  it('updates a Linear ticket the same way', async () => {
    const issue = h.linear.addIssue({ team: 'AI', title: 'Train', stateId: 'In Progress' });
    await h.supplyEvidence('linear', issue.identifier, ['pii-scan']);
    const submitted = await upload(issue.identifier, CLEAN, { tracker: 'linear' });
    expect(submitted.status).toBe(201);
    expect((await h.decisionFor('linear', issue.identifier, `evidence:${submitted.body.evidence!.id}`)).outcome).toBe('pass');
    const comment = h.linear.commentsOn(issue.identifier).find((c) => c.userId === h.linear.viewer.id);
    expect(comment?.body).toContain('can be moved to Done now');

    const move = h.linear.moveIssue(issue.identifier, h.linear.stateNamed('AI', 'Done')!.id, { actorId: 'lena' });
    await h.post('linear', move.body, { deliveryId: move.deliveryId });
    expect((await h.decisionFor('linear', issue.identifier, move.deliveryId)).outcome).toBe('pass');
    expect(h.linear.stateOf(issue.identifier)?.name).toBe('Done');
  });

  describe('refusals', () => {
    it.each([
      ['no token', 401, null, 'UNAUTHENTICATED'],
      ['a revoked token', 401, 'revoked', 'UNAUTHENTICATED'],
      ['an auditor token', 403, 'auditor', 'FORBIDDEN_ROLE'],
      ['a ci token for another project', 403, 'other-project', 'FORBIDDEN_PROJECT'],
    ])('refuses %s with %i and stores nothing', async (_what, status, kind, code) => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      let token: string | null = null;
      if (kind === 'auditor') token = await h.createToken('auditor', `auditor-${issue.key}`);
      if (kind === 'other-project') token = await h.createToken('ci', `plat-ci-${issue.key}`, ['PLAT']);
      if (kind === 'revoked') {
        token = await h.createToken('ci', `revoked-${issue.key}`);
        await createTokenRepository(h.service.db).revoke(`revoked-${issue.key}`);
      }
      const answer = await upload(issue.key, CLEAN, { token });
      expect(answer.status).toBe(status);
      expect(answer.body.error?.code).toBe(code);
      expect((await h.evidence.forTicket('jira', issue.key)).size).toBe(0);
    });

    it('refuses a report it cannot recognise with 422, naming the formats it accepts', async () => {
      const answer = await upload('ML-999', '{"hello":"world"}');
      expect(answer.status).toBe(422);
      expect(answer.body.error?.message).toMatch(/npm audit .*OSV-Scanner.*SARIF 2\.1\.0.*Grype.*Trivy.*pip-audit.*CycloneDX VEX.*OpenVEX/);
      expect((await h.evidence.forTicket('jira', 'ML-999')).size).toBe(0);
    });

    it('refuses a report over EVIDENCE_MAX_BYTES with 413', async () => {
      const answer = await upload('ML-998', JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, padding: 'x'.repeat(8000) }));
      expect(answer.status).toBe(413);
    });

    it('refuses a report the criterion does not read, and a missing field, with clear errors', async () => {
      const refused = await upload('ML-997', CLEAN, { criterion: 'encrypted-artifact' });
      expect(refused.status).toBe(422);
      expect(refused.body.error?.message).toMatch(/encrypted-artifact accepts: an artifact manifest/);
      const form = new FormData();
      form.set('tracker', 'jira');
      const response = await h.api('/evidence', { method: 'POST', body: form, token: ciToken });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe('missing ticket, criterion, report');
    });
  });
});
