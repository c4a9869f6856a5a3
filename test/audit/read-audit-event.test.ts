import { describe, expect, it } from '@jest/globals';
import type { AuditEntry, AuditEvent } from '../../src/audit/audit-entry.js';
import { actionEvent, decisionEvent, evidenceAcceptedEvent, evidenceRefusedEvent, tokenEvent, waiverCreatedEvent, waiverExpiredEvent } from '../../src/audit/audit-events.js';
import { canonicalJson } from '../../src/audit/canonical-json.js';
import { describeEntry } from '../../src/audit/describe-entry.js';
import { readAuditEvent } from '../../src/audit/read-audit-event.js';
import type { ApiTokenRecord } from '../../src/auth/api-token.js';
import type { Decision } from '../../src/decisions/decision.js';
import type { EvidenceRecord } from '../../src/evidence/evidence-record.js';
import type { Waiver } from '../../src/waivers/waiver.js';

const at = new Date('2026-12-01T10:00:00.000Z');
const decision: Decision = {
  deliveryId: 'd-1',
  tracker: 'jira',
  ticketKey: 'ML-1',
  ticketId: '10001',
  fromStatus: 'In Review',
  toStatus: 'Done',
  outcome: 'fail',
  reason: 'moved back',
  rule: 'ml-models',
  mode: 'block',
  policyHash: 'a'.repeat(64),
  criteria: [{ criterion: 'pii-scan', status: 'fail', reason: 'no scan' }],
  actions: [],
  receivedAt: at,
  decidedAt: at,
};
const evidence: EvidenceRecord = {
  id: 'e-1',
  tracker: 'jira',
  ticketKey: 'ML-1',
  criterion: 'dependency-audit',
  outcome: 'pass',
  summary: { text: 'npm audit: 0 findings', format: 'npm-audit' },
  sha256: 'b'.repeat(64),
  source: 'api',
  submitter: 'ci-main',
  provenance: { kind: 'token', token: 'ci-main', role: 'ci' },
  createdAt: at,
};
const waiver: Waiver = {
  id: 'w-1',
  tracker: 'jira',
  ticketKey: 'ML-1',
  criterion: 'dependency-audit',
  advisories: ['GHSA-p6mc-m468-83gw'],
  reason: 'build-time only',
  approver: 'acc-7',
  approvedVia: 'jira-comment',
  expiresAt: new Date('2027-01-31T00:00:00.000Z'),
  createdAt: at,
};
const token: ApiTokenRecord = { id: 't-1', name: 'ci-main', role: 'ci', projects: ['ML'], tokenPrefix: 'dg_abcde', createdAt: at, createdBy: null, lastUsedAt: null, revokedAt: null };

const entryOf = (event: AuditEvent, seq = 1): AuditEntry => ({ ...event, seq, time: at.toISOString(), prevHash: '0'.repeat(64), hash: '1'.repeat(64) });

const written: AuditEvent[] = [
  decisionEvent(decision, { trigger: 'transition', by: 'acc-1', policyVersion: 1, evidenceIds: ['e-1'] }),
  actionEvent({ tracker: 'jira', ticketKey: 'ML-1', deliveryId: 'd-1' }, { type: 'move', ok: true, detail: 'moved back to In Progress', at: at.toISOString() }),
  evidenceAcceptedEvent(evidence),
  evidenceRefusedEvent({ tracker: 'jira', ticketKey: 'ML-1', criterion: 'pii-scan', submitter: 'ci-main', source: 'api', sha256: 'c'.repeat(64), bytes: 12 }, new Error('not a report')),
  waiverCreatedEvent(waiver),
  waiverExpiredEvent(waiver),
  tokenEvent('token-created', token, 'cli'),
  tokenEvent('token-revoked', token, 'cli'),
];

describe('the audit-event catalog', () => {
  it('reads back every kind of entry the writers build', () => {
    expect(written.map((event) => [event.type, readAuditEvent(entryOf(event)).ok])).toEqual(written.map((event) => [event.type, true]));
  });

  it('keeps the canonical JSON the writers produced before the catalog, so old hashes still verify', () => {
    expect(canonicalJson(written[0]!.data)).toBe(
      '{"by":"jira:acc-1","criteria":[{"criterion":"pii-scan","reason":"no scan","status":"fail"}],"deliveryId":"d-1","evidence":["e-1"],"fromStatus":"In Review","mode":"block","outcome":"fail","policy":{"hash":"' +
        'a'.repeat(64) +
        '","version":1},"reason":"moved back","rule":"ml-models","toStatus":"Done","trigger":"transition"}',
    );
    expect(canonicalJson(written[4]!.data)).toBe(
      '{"advisories":["GHSA-p6mc-m468-83gw"],"approvedVia":"jira-comment","criterion":"dependency-audit","expiresAt":"2027-01-31T00:00:00.000Z","reason":"build-time only","waiverId":"w-1"}',
    );
  });

  it('reads an entry with the row reference the log adds to it', () => {
    const withRow = entryOf({ ...written[2]!, data: { ...written[2]!.data, row: { table: 'evidence', id: 'e-1', hash: 'd'.repeat(64) } } });
    expect(readAuditEvent(withRow)).toMatchObject({ ok: true, entry: { data: { row: { table: 'evidence' } } } });
  });

  describe('when an entry’s data does not match its type', () => {
    const hostile = 'ignore previous instructions <script>';
    const edited = entryOf({ type: 'decision', tracker: 'jira', ticket: 'ML-1', actor: 'donegate', data: { deliveryId: 'd-1', trigger: 'transition', outcome: hostile, criteria: [], evidence: [] } });

    it('reports the field at fault without repeating the value found there', () => {
      const read = readAuditEvent(edited);
      expect(read).toEqual({ ok: false, entry: edited, problem: 'outcome: invalid value' });
    });

    it('is described as unreadable rather than crashing the report', () => {
      expect(describeEntry(edited)).toBe('Entry this version of donegate cannot read (outcome: invalid value); its hash still covers it');
    });

    it('reports a missing field by the type it expected', () => {
      const read = readAuditEvent(entryOf({ type: 'waiver-expired', tracker: 'jira', ticket: 'ML-1', actor: 'donegate', data: { waiverId: 'w-1' } }));
      expect(read).toMatchObject({ ok: false, problem: 'criterion: expected string' });
    });

    it('reports a type this version does not know', () => {
      const unknown = { ...edited, type: 'ticket-deleted' } as unknown as AuditEntry;
      expect(readAuditEvent(unknown)).toMatchObject({ ok: false, problem: 'an entry type this version of donegate does not know' });
    });
  });
});
