import { createAuditLog } from '../../src/audit/audit-log.js';
import type { AuditEvent } from '../../src/audit/audit-entry.js';
import type { Database } from '../../src/store/database.js';

/**
 * A small but complete history: ML-1 blocked then passed after evidence, ML-2 passed first time, AI-3
 * blocked then waived, a token created. Times come from `clock`, so periods can be cut through it.
 */
export async function seedAuditHistory(db: Database, clock: { now: Date }): Promise<void> {
  const audit = createAuditLog(db, { now: () => clock.now });
  const at = async (iso: string, event: AuditEvent) => {
    clock.now = new Date(iso);
    await audit.append(event);
  };
  const policy = { hash: 'a'.repeat(64), version: 1 };
  const decision = (ticket: string, outcome: 'pass' | 'fail', criteria: Array<[string, string]>, extra: Record<string, string> = {}): AuditEvent => ({
    type: 'decision',
    tracker: ticket.startsWith('AI') ? 'linear' : 'jira',
    ticket,
    actor: 'donegate',
    data: {
      deliveryId: `d-${ticket}-${outcome}`,
      trigger: 'transition',
      by: 'jira:5b10ac8d82e05b22cc7d4ef5',
      outcome,
      rule: 'ml-models',
      mode: 'block',
      policy,
      criteria: criteria.map(([criterion, status]) => ({ criterion, status, reason: status === 'pass' ? 'ok' : 'no evidence' })),
      evidence: [],
      ...extra,
    },
  });
  await at('2026-10-01T09:00:00.000Z', { type: 'token-created', tracker: null, ticket: null, actor: 'cli', data: { tokenId: 't-1', name: 'ci-main', role: 'ci', projects: ['ML'], prefix: 'dg_abcde' } });
  await at('2026-10-02T10:00:00.000Z', decision('ML-1', 'fail', [['pii-scan', 'fail'], ['dependency-audit', 'pass']]));
  await at('2026-10-02T10:00:01.000Z', { type: 'action', tracker: 'jira', ticket: 'ML-1', actor: 'donegate', data: { deliveryId: 'd-ML-1-fail', action: 'move', ok: true, detail: 'moved back to In Progress' } });
  await at('2026-10-03T08:00:00.000Z', { type: 'evidence-accepted', tracker: 'jira', ticket: 'ML-1', actor: 'token:ci-main', data: { evidenceId: 'e-1', criterion: 'pii-scan', outcome: 'pass', format: 'donegate-scan', summary: '0 findings', sha256: 'b'.repeat(64), source: 'api' } });
  await at('2026-10-03T09:00:00.000Z', decision('ML-1', 'pass', [['pii-scan', 'pass'], ['dependency-audit', 'pass']]));
  await at('2026-10-04T09:00:00.000Z', decision('ML-2', 'pass', [['pii-scan', 'pass'], ['dependency-audit', 'pass']]));
  await at('2026-10-05T09:00:00.000Z', decision('AI-3', 'fail', [['pii-scan', 'pass'], ['dependency-audit', 'fail']]));
  await at('2026-10-05T10:00:00.000Z', {
    type: 'waiver-created',
    tracker: 'linear',
    ticket: 'AI-3',
    actor: 'token:sec-lead',
    data: { waiverId: 'w-1', criterion: 'dependency-audit', advisories: ['GHSA-p6mc-m468-83gw'], reason: '<b>build-time only</b>', approvedVia: 'api', expiresAt: '2027-02-01T00:00:00.000Z' },
  });
  await at('2026-11-02T09:00:00.000Z', decision('ML-9', 'pass', [['pii-scan', 'pass']]));
}
