import { readFile } from 'node:fs/promises';
import { adfToText } from '../../simulators/jira/adf-to-text.js';
import { BLOCKED_LABEL } from '../../src/domain/index.js';
import { startGateHarness, TEST_POLICY, type GateHarness } from '../support/gate-harness.js';

const CLEAN = new URL('./fixtures/npm-audit-clean.json', import.meta.url);
const CRITICAL = new URL('./fixtures/npm-audit-critical.json', import.meta.url);
/** The Linear user whose attached reports the policy lists, beside Alice on Jira. */
const LINEAR_REPORTER = 'b2c1e0d4-0000-4000-8000-0000000000a1';
const POLICY = `${TEST_POLICY}evidence:
  attachments:
    from: [jira:alice-acc, linear:${LINEAR_REPORTER}]
`;

describe('reports attached to the ticket by an account the policy lists count as evidence', () => {
  let h: GateHarness;
  beforeAll(async () => {
    // The Linear simulator serves uploaded files from 127.0.0.1, where uploads.linear.app would be.
    h = await startGateHarness({ policy: POLICY, env: { LINEAR_ATTACHMENT_HOSTS: '127.0.0.1' } });
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    h.jira.state.addUser({ accountId: 'alice-acc', displayName: 'Alice' });
    h.linear.addTeam({ key: 'AI' });
    h.linear.addUser({ name: 'Rita', id: LINEAR_REPORTER });
  });
  afterAll(async () => {
    await h.close();
  });

  it('passes a Jira ticket whose clean npm audit report is attached, crediting the evidence to whoever attached it', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    const attached = h.jira.state.addAttachment(issue.key, { filename: 'npm-audit.json', content: await readFile(CLEAN), authorAccountId: 'alice-acc' });
    await h.supplyEvidence('jira', issue.key, ['pii-scan']);

    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', { actorAccountId: 'alice-acc', displayName: 'Alice' }), { deliveryId: 'att-jira-1' });
    const decision = await h.decisionFor('jira', issue.key, 'att-jira-1');

    expect(decision.outcome).toBe('pass');
    expect(decision.criteria.find((c) => c.criterion === 'dependency-audit')).toMatchObject({ status: 'pass', reason: expect.stringContaining('npm audit') });
    expect(issue.statusId).toBe(h.jira.state.status('Done').id);
    const [record, ...more] = (await h.evidence.forTicket('jira', issue.key)).get('dependency-audit') ?? [];
    expect(more).toEqual([]);
    expect(record).toMatchObject({ source: `jira-attachment:${attached.id}`, submitter: 'alice-acc', outcome: 'pass', createdAt: attached.created });

    // The audit trail records it as evidence accepted, by the account that attached it.
    const trail = (await (await h.api(`/audit/tickets/jira/${issue.key}`)).json()) as { entries: Array<{ type: string; actor: string; data: Record<string, unknown> }> };
    const accepted = trail.entries.filter((entry) => entry.type === 'evidence-accepted' && entry.data.evidenceId === record!.id);
    expect(accepted).toEqual([
      expect.objectContaining({
        actor: 'jira:alice-acc',
        data: expect.objectContaining({
          criterion: 'dependency-audit',
          source: `jira-attachment:${attached.id}`,
          provenance: { kind: 'attachment', tracker: 'jira', account: 'alice-acc', attachment: { id: attached.id, filename: 'npm-audit.json' } },
        }),
      }),
    ]);
  });

  it('blocks a Linear ticket whose attached report has a critical finding, naming the advisory and package', async () => {
    const issue = h.linear.addIssue({ team: 'AI', title: 'Train', stateId: 'In Progress' });
    h.linear.addAttachment(issue.identifier, { title: 'npm audit', filename: 'npm-audit.json', content: await readFile(CRITICAL), contentType: 'application/json', creatorId: LINEAR_REPORTER });
    await h.supplyEvidence('linear', issue.identifier, ['pii-scan']);

    const delivery = h.linear.moveIssue(issue.identifier, h.linear.stateNamed('AI', 'Done')!.id, { actorId: h.linear.addUser({ name: 'Lena' }).id });
    await h.post('linear', delivery.body, { deliveryId: delivery.deliveryId });
    const decision = await h.decisionFor('linear', issue.identifier, delivery.deliveryId);

    expect(decision).toMatchObject({ outcome: 'fail', mode: 'block' });
    expect(decision.criteria.find((c) => c.criterion === 'dependency-audit')).toMatchObject({
      status: 'fail',
      reason: `npm audit: 1 open finding at or above high — attached by linear account \`${LINEAR_REPORTER}\` (npm-audit.json)`,
      details: ['GHSA-p6mc-m468-83gw lodash → fixed in 4.17.21 (critical)'],
    });
    expect(h.linear.stateOf(issue.identifier)?.name).toBe('In Progress');
    expect(h.linear.labelNamesOf(issue.identifier)).toContain(BLOCKED_LABEL);
    const comment = h.linear.commentsOn(issue.identifier).find((c) => c.userId === h.linear.viewer.id);
    expect(comment?.body).toContain('GHSA-p6mc-m468-83gw lodash');
    expect(h.linear.violations).toEqual([]);
  });

  it('keeps a Jira ticket blocked when its only report is over the size limit, and says nothing of its content', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
    h.jira.state.addAttachment(issue.key, { filename: 'npm-audit.json', content: await readFile(CLEAN), size: 50 * 1024 * 1024 });
    await h.supplyEvidence('jira', issue.key, ['pii-scan']);

    await h.post('jira', h.jira.moveIssue(issue.key, 'Done', { actorAccountId: 'alice-acc' }), { deliveryId: 'att-jira-big' });
    const decision = await h.decisionFor('jira', issue.key, 'att-jira-big');

    expect(decision.outcome).toBe('fail');
    expect(decision.criteria.find((c) => c.criterion === 'dependency-audit')).toMatchObject({ status: 'fail', reason: 'no evidence' });
    const comment = h.jira.state.comments(issue.key).find((c) => c.authorAccountId === h.jira.selfAccountId);
    expect(adfToText(comment!.body)).toContain('dependency-audit');
    expect(h.logText()).toContain('attachment is over ATTACHMENT_MAX_BYTES');
    expect(h.logText()).not.toContain('auditReportVersion');
  });

  describe('data attached to the ticket', () => {
    it('is scanned by the worker itself for pii-scan: personal data blocks the ticket, masked, and a clean file passes it', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      await h.supplyEvidence('jira', issue.key, ['dependency-audit']);
      h.jira.state.addAttachment(issue.key, { filename: 'customers.csv', content: 'id,email,plan\n1,maria.lopez@northwind-mail.com,pro\n2,none,free\n', authorAccountId: 'alice-acc' });
      await h.post('jira', h.jira.moveIssue(issue.key, 'Done', { actorAccountId: 'alice-acc', displayName: 'Alice' }), { deliveryId: 'att-data-1' });
      const blocked = await h.decisionFor('jira', issue.key, 'att-data-1');
      const pii = blocked.criteria.find((c) => c.criterion === 'pii-scan')!;
      expect(blocked.outcome).toBe('fail');
      expect(pii.status).toBe('fail');
      expect(JSON.stringify(pii)).toContain('customers.csv');
      expect(pii.reason).toContain('scanned by donegate from attachment customers.csv');
      expect(JSON.stringify(await h.evidence.forTicket('jira', issue.key))).not.toContain('maria.lopez@northwind-mail.com');
      expect(adfToText(h.jira.state.comments(issue.key).find((c) => c.authorAccountId === h.jira.selfAccountId)!.body)).not.toContain('maria.lopez');

      const clean = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      await h.supplyEvidence('jira', clean.key, ['dependency-audit']);
      h.jira.state.addAttachment(clean.key, { filename: 'features.csv', content: 'id,score\n1,0.42\n2,0.17\n', authorAccountId: 'alice-acc' });
      await h.post('jira', h.jira.moveIssue(clean.key, 'Done', { actorAccountId: 'alice-acc', displayName: 'Alice' }), { deliveryId: 'att-data-2' });
      const passed = await h.decisionFor('jira', clean.key, 'att-data-2');
      expect(passed.criteria.find((c) => c.criterion === 'pii-scan')).toMatchObject({ status: 'pass' });
      expect(passed.outcome).toBe('pass');
    });
  });
});
