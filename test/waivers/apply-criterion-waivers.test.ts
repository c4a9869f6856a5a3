import { describe, expect, it } from '@jest/globals';
import type { CriterionResult } from '../../src/domain/index.js';
import { applyCriterionWaivers } from '../../src/waivers/apply-criterion-waivers.js';
import type { Waiver } from '../../src/waivers/waiver.js';

const NOW = new Date('2026-12-01T10:00:00Z');
const waiver: Waiver = {
  id: 'w1',
  tracker: 'jira',
  ticketKey: 'ML-1',
  criterion: 'dependency-audit',
  advisories: [],
  reason: 'build-time only',
  approver: 'sec-lead',
  approvedVia: 'api',
  expiresAt: new Date('2026-12-10T00:00:00Z'),
  createdAt: new Date('2026-11-30T00:00:00Z'),
};

describe('applyCriterionWaivers', () => {
  it('keeps the evidence a waived criterion was judged on, with its provenance, beside the waiver', () => {
    const failing: CriterionResult = {
      criterion: 'dependency-audit',
      status: 'fail',
      reason: 'npm audit: 1 open finding at or above high — submitted by token `ci-main` (ci)',
      evidence: [{ id: 'e1', provenance: { kind: 'token', token: 'ci-main', role: 'ci' } }],
    };

    const waived = applyCriterionWaivers(failing, [waiver], NOW);

    expect(waived).toMatchObject({ status: 'pass', details: [`without the waiver: ${failing.reason}`], evidence: failing.evidence });
  });
});

describe('a revoked waiver', () => {
  const failing: CriterionResult = { criterion: 'dependency-audit', status: 'fail', reason: 'npm audit: 1 open finding at or above high' };
  const revoked: Waiver = { ...waiver, revoked: { by: 'sec-lead-2', reason: 'patch shipped', at: new Date('2026-11-30T12:00:00Z') } };

  it('no longer lets the criterion pass, and the details say who revoked it', () => {
    const judged = applyCriterionWaivers(failing, [revoked], NOW);
    expect(judged.status).toBe('fail');
    expect(judged.details).toEqual(['the waiver by sec-lead was revoked by sec-lead-2 on 2026-11-30; it no longer counts']);
  });

  it('still counts for a decision taken before the revocation', () => {
    expect(applyCriterionWaivers(failing, [revoked], new Date('2026-11-30T11:00:00Z')).status).toBe('pass');
  });
});
