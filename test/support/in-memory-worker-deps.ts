import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AuditEvent } from '../../src/audit/audit-entry.js';
import type { AuditLog } from '../../src/audit/audit-log.js';
import type { Criterion } from '../../src/criteria/criterion.js';
import type { CriterionRegistry } from '../../src/criteria/registry.js';
import type { Decision } from '../../src/decisions/decision.js';
import type { DecisionRepository } from '../../src/decisions/decision-repository.js';
import type { MoveOutcome, Ticket, TicketRef, VerdictComment, VerdictProperty } from '../../src/domain/index.js';
import type { EvidenceRecord } from '../../src/evidence/evidence-record.js';
import type { EvidenceRepository } from '../../src/evidence/evidence-repository.js';
import { parsePolicy } from '../../src/policy/load-policy.js';
import type { Policy } from '../../src/policy/policy.js';
import type { Tracker } from '../../src/trackers/tracker.js';
import type { Waiver } from '../../src/waivers/waiver.js';
import type { WaiverRepository } from '../../src/waivers/waiver-repository.js';

/**
 * In-memory implementations of the worker's own interfaces (repositories, audit log, tracker), for unit
 * tests of the job steps. The end-to-end suites run the same steps against Redis, PostgreSQL and the
 * tracker simulators.
 */

/** Decisions keyed by tracker and delivery; the first record stands, as in the decisions table. */
export function inMemoryDecisions(): DecisionRepository & { all: Decision[] } {
  const all: Decision[] = [];
  const find = (tracker: string, deliveryId: string) => all.find((d) => d.tracker === tracker && d.deliveryId === deliveryId);
  return {
    all,
    async record(decision) {
      if (find(decision.tracker, decision.deliveryId)) return false;
      all.push(decision);
      return true;
    },
    async isDecided(tracker, deliveryId) {
      return find(tracker, deliveryId) !== undefined;
    },
    async find(tracker, deliveryId) {
      return find(tracker, deliveryId);
    },
    async forTicket(tracker, ticketKey) {
      return all.filter((d) => d.tracker === tracker && d.ticketKey === ticketKey);
    },
  };
}

/** The events in append order; like the real log it keeps one decision per delivery. `failNext` makes an append fail once. */
export function inMemoryAudit(): AuditLog & { events: AuditEvent[]; failNext(error: Error): void } {
  const events: AuditEvent[] = [];
  let failure: Error | undefined;
  return {
    events,
    failNext(error) {
      failure = error;
    },
    async append(event) {
      if (failure) {
        const error = failure;
        failure = undefined;
        throw error;
      }
      const decided = event.type === 'decision' && events.some((e) => e.type === 'decision' && e.tracker === event.tracker && e.data.deliveryId === event.data.deliveryId);
      if (decided) return undefined;
      events.push(event);
      return { ...event, seq: events.length, time: new Date(0).toISOString(), prevHash: '', hash: '' };
    },
  };
}

export function inMemoryEvidence(records: EvidenceRecord[] = []): EvidenceRepository {
  return {
    async add(evidence) {
      const record: EvidenceRecord = { ...evidence, id: randomUUID(), createdAt: evidence.createdAt ?? new Date() };
      records.push(record);
      return record;
    },
    async forTicket(tracker, ticketKey) {
      const byCriterion = new Map<string, EvidenceRecord[]>();
      for (const r of records.filter((r) => r.tracker === tracker && r.ticketKey === ticketKey)) byCriterion.set(r.criterion, [...(byCriterion.get(r.criterion) ?? []), r]);
      return byCriterion;
    },
    async hasSource(tracker, ticketKey, source) {
      return records.some((r) => r.tracker === tracker && r.ticketKey === ticketKey && r.source === source);
    },
  };
}

export function inMemoryWaivers(): WaiverRepository & { all: Waiver[] } {
  const all: Waiver[] = [];
  const repository: WaiverRepository = {
    async add(waiver) {
      const stored: Waiver = { ...waiver, id: randomUUID(), createdAt: new Date() };
      all.push(stored);
      return stored;
    },
    async forTicket(tracker, ticketKey) {
      const byCriterion = new Map<string, Waiver[]>();
      for (const w of all.filter((w) => w.tracker === tracker && w.ticketKey === ticketKey)) byCriterion.set(w.criterion, [...(byCriterion.get(w.criterion) ?? []), w]);
      return byCriterion;
    },
    async list({ tracker }) {
      return all.filter((w) => tracker === undefined || w.tracker === tracker).reverse();
    },
    async find(id) {
      return all.find((w) => w.id === id);
    },
    async revoke(id, by, reason) {
      const index = all.findIndex((w) => w.id === id);
      if (index < 0) return { status: 'not-found' };
      if (all[index]!.revoked) return { status: 'already-revoked', waiver: all[index]! };
      all[index] = { ...all[index]!, revoked: { by, reason, at: new Date() } };
      return { status: 'revoked', waiver: all[index]! };
    },
  };
  return Object.assign(repository, { all });
}

/** A ticket in Done on project ML, as a tracker would return it. */
export function doneTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    tracker: 'jira',
    id: '10001',
    key: 'ML-1',
    title: 'Train the model',
    status: { id: '3', name: 'Done', category: 'done', isDone: true },
    project: 'ML',
    labels: [],
    ...overrides,
  };
}

/** A tracker holding one ticket, recording every call; `failures` makes the named method throw, once per entry. */
export function fakeTracker(ticket: Ticket, failures: Partial<Record<keyof Tracker, Error[]>> = {}) {
  const calls: string[] = [];
  let current = ticket;
  const attempt = (method: keyof Tracker) => {
    calls.push(method);
    const error = failures[method]?.shift();
    if (error) throw error;
  };
  const tracker: Tracker = {
    name: ticket.tracker,
    async selfId() {
      attempt('selfId');
      return 'donegate-bot';
    },
    async getTicket(_ref: TicketRef) {
      attempt('getTicket');
      return current;
    },
    async moveTo(_ticket: Ticket, statusId: string): Promise<MoveOutcome> {
      attempt('moveTo');
      current = { ...current, status: { id: statusId, name: 'In Progress', category: 'indeterminate', isDone: false } };
      return { moved: true, toStatusId: statusId, toStatusName: 'In Progress' };
    },
    async upsertComment(_ticket: Ticket, _comment: VerdictComment) {
      attempt('upsertComment');
      return { commentId: 'c-1', created: true };
    },
    async reply(_ticket: Ticket, _text: string) {
      attempt('reply');
      return { commentId: 'c-2' };
    },
    async addLabel(_ticket: Ticket, label: string) {
      attempt('addLabel');
      current = { ...current, labels: [...new Set([...current.labels, label])] };
    },
    async removeLabel(_ticket: Ticket, label: string) {
      attempt('removeLabel');
      current = { ...current, labels: current.labels.filter((l) => l !== label) };
    },
    async setVerdictProperty(_ticket: Ticket, _verdict: VerdictProperty) {
      attempt('setVerdictProperty');
    },
  };
  return { tracker, calls, current: () => current };
}

/** One criterion, `has-evidence`: passes when any evidence is stored for it. */
export const HAS_EVIDENCE: Criterion = {
  id: 'has-evidence',
  title: 'Evidence is stored',
  optionsSchema: z.unknown(),
  evaluate: ({ evidence }) =>
    evidence.length > 0 ? { criterion: 'has-evidence', status: 'pass', reason: 'evidence stored' } : { criterion: 'has-evidence', status: 'fail', reason: 'no evidence', fix: 'submit some' },
};

export const fakeRegistry = (): CriterionRegistry => new Map([[HAS_EVIDENCE.id, HAS_EVIDENCE]]);

/** A policy gating Jira project ML on `has-evidence`, in `mode`, with these Jira accounts as waiver approvers. */
export function mlPolicy(mode: 'block' | 'warn' = 'block', approvers: string[] = []): Policy {
  const waivers = approvers.length > 0 ? `waivers:\n  approvers: { jira: [${approvers.join(', ')}] }\n` : '';
  return parsePolicy(`version: 1\n${waivers}rules:\n  - name: ml\n    match: { jira: { projects: [ML] } }\n    mode: ${mode}\n    require: [has-evidence]\n`, 'test-policy.yaml', fakeRegistry());
}

export function storedEvidence(ticket: Ticket, criterion = HAS_EVIDENCE.id): EvidenceRecord {
  return {
    id: randomUUID(),
    tracker: ticket.tracker,
    ticketKey: ticket.key,
    criterion,
    outcome: 'pass',
    summary: { text: 'ok' },
    sha256: 'a'.repeat(64),
    source: 'api',
    submitter: 'ci-main',
    provenance: { kind: 'token', token: 'ci-main', role: 'ci' },
    createdAt: new Date('2026-12-01T00:00:00Z'),
  };
}
