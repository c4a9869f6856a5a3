import { dependencyAudit } from '../../src/criteria/dependency-audit.js';
import { createCriterionRegistry } from '../../src/criteria/registry.js';
import type { EvidenceRecord } from '../../src/evidence/evidence-record.js';
import type { Ticket } from '../../src/domain/index.js';

const ticket: Ticket = {
  tracker: 'jira',
  id: '1',
  key: 'ML-142',
  title: 't',
  status: { id: '10001', name: 'Done', category: 'done', isDone: true },
  project: 'ML',
  labels: [],
};
const now = new Date('2026-11-26T00:00:00Z');
const evidence = (over: Partial<EvidenceRecord>): EvidenceRecord => ({
  id: 'e1',
  tracker: 'jira',
  ticketKey: 'ML-142',
  criterion: 'dependency-audit',
  outcome: 'pass',
  summary: { text: 'npm audit: no high or critical findings' },
  sha256: 'b'.repeat(64),
  source: 'api',
  submitter: 'ci',
  createdAt: new Date('2026-11-20T00:00:00Z'),
  ...over,
});
const options = dependencyAudit.optionsSchema.parse({});

describe('evidence-backed criteria', () => {
  it('fails with "no evidence" and a copy-paste command when nothing was submitted', async () => {
    const result = await dependencyAudit.evaluate({ ticket, evidence: [], waivers: [], now }, options);
    expect(result).toMatchObject({ criterion: 'dependency-audit', status: 'fail', reason: 'no evidence' });
    expect(result.fix).toContain('donegate evidence submit --tracker jira --ticket ML-142 --criterion dependency-audit');
  });

  it('passes on the newest passing evidence, naming the record it judged (no provenance: stored before it was recorded)', async () => {
    expect(await dependencyAudit.evaluate({ ticket, evidence: [evidence({})], waivers: [], now }, options)).toEqual({
      criterion: 'dependency-audit',
      status: 'pass',
      reason: 'npm audit: no high or critical findings',
      evidence: [{ id: 'e1', provenance: null }],
    });
  });

  it('says who vouched for the evidence it judged: the token, its role and the CI run', async () => {
    const provenance = { kind: 'token', token: 'ci-main', role: 'ci', ciRunUrl: 'https://gitlab.example.com/ml/-/jobs/42' } as const;
    expect(await dependencyAudit.evaluate({ ticket, evidence: [{ ...evidence({}), provenance }], waivers: [], now }, options)).toMatchObject({
      status: 'pass',
      reason: 'npm audit: no high or critical findings — submitted by token `ci-main` (ci), run https://gitlab.example.com/ml/-/jobs/42',
      evidence: [{ id: 'e1', provenance }],
    });
  });

  it('fails on evidence older than maxAgeDays', async () => {
    const old = evidence({ createdAt: new Date('2026-10-01T00:00:00Z') });
    expect(await dependencyAudit.evaluate({ ticket, evidence: [old], waivers: [], now }, options)).toMatchObject({
      status: 'fail',
      reason: 'evidence is 56 days old; at most 30 days are allowed',
    });
  });

  it('fails with the summary of failing evidence, even if older evidence passed', async () => {
    const failing = evidence({ outcome: 'fail', summary: { text: '2 high findings', details: ['GHSA-1 lodash 4.17.20'] } });
    expect(await dependencyAudit.evaluate({ ticket, evidence: [failing, evidence({})], waivers: [], now }, options)).toMatchObject({
      status: 'fail',
      reason: '2 high findings',
      details: ['GHSA-1 lodash 4.17.20'],
    });
  });

  it('registers every built-in criterion under its documented id', () => {
    expect([...createCriterionRegistry().keys()]).toEqual(['pii-scan', 'dependency-audit', 'encrypted-artifact', 'secret-scan']);
  });
});
