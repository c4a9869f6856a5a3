import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { scanReport } from '../scan-report/scan-report-fixture.js';
import { startGateHarness, TEST_POLICY, type GateHarness } from '../support/gate-harness.js';

/**
 * The engineer being gated attaches a report they wrote themselves — an npm audit with no
 * vulnerabilities, a clean `donegate scan` JSON — and moves the ticket to Done. The policy lists the
 * accounts whose attached reports count (a security lead's); the engineer is not one of them.
 */
const FORGED_AUDIT = JSON.stringify({ auditReportVersion: 2, vulnerabilities: {} });
const FORGED_SCAN = JSON.stringify(scanReport([], [{ file: 'data/users.csv', sha256: 'a'.repeat(64), size: 2048 }]));

const GATED_JIRA = 'mallory-jira-acc';
const LISTED_JIRA = 'sec-lead-jira-acc';
const GATED_LINEAR = 'a7d0c5e2-0000-4000-8000-00000000beef';
const LISTED_LINEAR = 'a7d0c5e2-0000-4000-8000-00000000cafe';

const POLICY = `${TEST_POLICY}evidence:
  attachments:
    from: [jira:${LISTED_JIRA}, ${LISTED_LINEAR}]
`;

type Trail = { entries: Array<{ type: string; actor: string; data: Record<string, unknown> }> };

describe('a report forged and attached by the engineer being gated', () => {
  let h: GateHarness;
  beforeAll(async () => {
    h = await startGateHarness({ policy: POLICY, env: { LINEAR_ATTACHMENT_HOSTS: '127.0.0.1' } });
    h.jira.state.addProject({ key: 'ML' });
    h.jira.state.useSimplifiedWorkflow();
    h.jira.state.addUser({ accountId: GATED_JIRA, displayName: 'Mallory' });
    h.jira.state.addUser({ accountId: LISTED_JIRA, displayName: 'Sec Lead' });
    h.linear.addTeam({ key: 'AI' });
    h.linear.addUser({ name: 'Mallory', id: GATED_LINEAR });
    h.linear.addUser({ name: 'Sec Lead', id: LISTED_LINEAR });
  });
  afterAll(async () => {
    await h.close();
  });

  const trail = async (tracker: string, key: string) => ((await (await h.api(`/audit/tickets/${tracker}/${key}`)).json()) as Trail).entries;

  describe('on Jira', () => {
    it('does not pass dependency-audit or pii-scan, stores nothing, and audits each refusal against the attaching account', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      const audit = h.jira.state.addAttachment(issue.key, { filename: 'npm-audit.json', content: FORGED_AUDIT, authorAccountId: GATED_JIRA });
      const scan = h.jira.state.addAttachment(issue.key, { filename: 'scan.json', content: FORGED_SCAN, authorAccountId: GATED_JIRA });

      await h.post('jira', h.jira.moveIssue(issue.key, 'Done', { actorAccountId: GATED_JIRA, displayName: 'Mallory' }), { deliveryId: 'forged-jira-1' });
      const decision = await h.decisionFor('jira', issue.key, 'forged-jira-1');

      expect(decision.outcome).toBe('fail');
      expect(decision.criteria.find((c) => c.criterion === 'dependency-audit')).toMatchObject({ status: 'fail', reason: 'no evidence' });
      expect(decision.criteria.find((c) => c.criterion === 'pii-scan')).toMatchObject({ status: 'fail', reason: 'no evidence' });
      expect(issue.statusId).toBe(h.jira.state.status('In Progress').id);
      expect((await h.evidence.forTicket('jira', issue.key)).size).toBe(0);
      const refused = (await trail('jira', issue.key)).filter((e) => e.type === 'evidence-refused');
      expect(refused).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ actor: `jira:${GATED_JIRA}`, data: expect.objectContaining({ criterion: 'dependency-audit', source: `jira-attachment:${audit.id}`, code: 'ATTACHER_NOT_LISTED' }) }),
          expect.objectContaining({ actor: `jira:${GATED_JIRA}`, data: expect.objectContaining({ criterion: 'pii-scan', source: `jira-attachment:${scan.id}`, code: 'ATTACHER_NOT_LISTED' }) }),
        ]),
      );
      expect(h.logText()).not.toContain('auditReportVersion');
    });

    it('passes on the same report attached by an account the policy lists, and says who vouched for it', async () => {
      const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress' });
      await h.supplyEvidence('jira', issue.key, ['pii-scan']);
      h.jira.state.addAttachment(issue.key, { filename: 'npm-audit.json', content: FORGED_AUDIT, authorAccountId: LISTED_JIRA });

      await h.post('jira', h.jira.moveIssue(issue.key, 'Done', { actorAccountId: GATED_JIRA }), { deliveryId: 'listed-jira-1' });
      const decision = await h.decisionFor('jira', issue.key, 'listed-jira-1');

      expect(decision.outcome).toBe('pass');
      expect(decision.criteria.find((c) => c.criterion === 'dependency-audit')).toMatchObject({
        status: 'pass',
        reason: expect.stringContaining(`attached by jira account \`${LISTED_JIRA}\``),
        evidence: [expect.objectContaining({ provenance: expect.objectContaining({ kind: 'attachment', tracker: 'jira', account: LISTED_JIRA }) })],
      });
    });
  });

  describe('on Linear', () => {
    it('does not pass dependency-audit, and the ticket goes back', async () => {
      const issue = h.linear.addIssue({ team: 'AI', title: 'Train', stateId: 'In Progress' });
      await h.supplyEvidence('linear', issue.identifier, ['pii-scan']);
      h.linear.addAttachment(issue.identifier, { title: 'npm audit', filename: 'npm-audit.json', content: FORGED_AUDIT, contentType: 'application/json', creatorId: GATED_LINEAR });

      const delivery = h.linear.moveIssue(issue.identifier, h.linear.stateNamed('AI', 'Done')!.id, { actorId: GATED_LINEAR });
      await h.post('linear', delivery.body, { deliveryId: delivery.deliveryId });
      const decision = await h.decisionFor('linear', issue.identifier, delivery.deliveryId);

      expect(decision.outcome).toBe('fail');
      expect(decision.criteria.find((c) => c.criterion === 'dependency-audit')).toMatchObject({ status: 'fail', reason: 'no evidence' });
      expect(h.linear.stateOf(issue.identifier)?.name).toBe('In Progress');
      expect((await h.evidence.forTicket('linear', issue.identifier)).get('dependency-audit')).toBeUndefined();
      expect((await trail('linear', issue.identifier)).filter((e) => e.type === 'evidence-refused')).toEqual([
        expect.objectContaining({ actor: `linear:${GATED_LINEAR}`, data: expect.objectContaining({ criterion: 'dependency-audit', code: 'ATTACHER_NOT_LISTED' }) }),
      ]);
    });

    it('passes on the same report attached by a listed user (a bare id in the policy)', async () => {
      const issue = h.linear.addIssue({ team: 'AI', title: 'Train', stateId: 'In Progress' });
      await h.supplyEvidence('linear', issue.identifier, ['pii-scan']);
      h.linear.addAttachment(issue.identifier, { title: 'npm audit', filename: 'npm-audit.json', content: FORGED_AUDIT, contentType: 'application/json', creatorId: LISTED_LINEAR });

      const delivery = h.linear.moveIssue(issue.identifier, h.linear.stateNamed('AI', 'Done')!.id, { actorId: GATED_LINEAR });
      await h.post('linear', delivery.body, { deliveryId: delivery.deliveryId });
      const decision = await h.decisionFor('linear', issue.identifier, delivery.deliveryId);

      expect(decision.outcome).toBe('pass');
      expect(decision.criteria.find((c) => c.criterion === 'dependency-audit')).toMatchObject({ status: 'pass', reason: expect.stringContaining(`attached by linear account \`${LISTED_LINEAR}\``) });
    });
  });
});
