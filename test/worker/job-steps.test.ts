import { describe, expect, it } from '@jest/globals';
import type { AuditEvent } from '../../src/audit/audit-entry.js';
import { BLOCKED_LABEL, type TicketCommand, type TicketTransition } from '../../src/domain/index.js';
import { TrackerRateLimitedError } from '../../src/trackers/errors.js';
import type { Tracker } from '../../src/trackers/tracker.js';
import { createDecideTransition, type DecideCheckpoint, type DecideDeps } from '../../src/worker/decide-transition.js';
import { createHandleCommand } from '../../src/worker/handle-command.js';
import { createReevaluateTicket } from '../../src/worker/reevaluate-ticket.js';
import { captureLog } from '../support/capture-log.js';
import {
  doneTicket,
  fakeRegistry,
  fakeTracker,
  inMemoryAudit,
  inMemoryDecisions,
  inMemoryEvidence,
  inMemoryWaivers,
  mlPolicy,
  storedEvidence,
} from '../support/in-memory-worker-deps.js';

const at = new Date('2026-12-02T08:00:00.000Z');
const ticket = doneTicket();

function stepDeps(tracker: Tracker, options: { evidence?: boolean; approvers?: string[] } = {}) {
  const decisions = inMemoryDecisions();
  const audit = inMemoryAudit();
  const waivers = inMemoryWaivers();
  const policy = mlPolicy('block', options.approvers);
  const deps: DecideDeps = {
    trackers: { jira: tracker },
    policy: () => policy,
    registry: fakeRegistry(),
    evidence: inMemoryEvidence(options.evidence ? [storedEvidence(ticket)] : []),
    waivers,
    decisions,
    audit,
    log: captureLog().log,
    now: () => at,
  };
  return { deps, decisions, audit, waivers };
}

const transition = (extra: Partial<TicketTransition> = {}): TicketTransition => ({
  tracker: 'jira',
  deliveryId: 'd-1',
  ticketId: ticket.id,
  ticketKey: ticket.key,
  fromStatusId: '2',
  fromStatusName: 'In Review',
  toStatusId: '3',
  toStatusName: 'Done',
  actorId: 'engineer-1',
  occurredAt: at.toISOString(),
  ...extra,
});

/** The checkpoint store of one job across its attempts, as the worker keeps it in the job's data. */
function attempts() {
  let checkpoint: DecideCheckpoint = {};
  return (isLastAttempt = false) => ({
    checkpoint,
    isLastAttempt,
    saveCheckpoint: async (saved: DecideCheckpoint) => {
      checkpoint = saved;
    },
  });
}

const trail = (events: AuditEvent[]) => events.map((e) => (e.type === 'action' ? `action:${String(e.data.action)}` : `${e.type}:${String(e.data.outcome ?? '')}`));

describe('the decide-transition step', () => {
  it('moves a ticket without evidence back, then comments, labels and sets the property, and records fail after those actions', async () => {
    const fake = fakeTracker(ticket);
    const { deps, audit } = stepDeps(fake.tracker);
    const result = await createDecideTransition(deps)({ transition: transition(), receivedAt: at.toISOString() }, attempts()());
    expect(result.outcome).toBe('fail');
    expect(fake.calls).toEqual(['selfId', 'getTicket', 'moveTo', 'upsertComment', 'addLabel', 'setVerdictProperty']);
    expect(trail(audit.events)).toEqual(['action:move', 'action:comment', 'action:label-add', 'action:property', 'decision:fail']);
  });

  it('records with the decision a bounded snapshot of the ticket as read: summary, assignee, project and link', async () => {
    const fake = fakeTracker({ ...ticket, title: `Train\u202E${'x'.repeat(10_000)}`, assignee: 'Ada Lovelace', url: 'https://acme.atlassian.net/browse/ML-1' });
    const { deps, decisions } = stepDeps(fake.tracker);
    await createDecideTransition(deps)({ transition: transition(), receivedAt: at.toISOString() }, attempts()());
    const snapshot = decisions.all[0]?.ticket;
    expect(snapshot).toMatchObject({ assignee: 'Ada Lovelace', project: 'ML', url: 'https://acme.atlassian.net/browse/ML-1' });
    expect(snapshot?.summary).toMatch(/^Train x+…$/);
    expect([...snapshot!.summary]).toHaveLength(200);
  });

  it('passes a ticket whose evidence is stored, without moving it', async () => {
    const fake = fakeTracker(ticket);
    const { deps, decisions } = stepDeps(fake.tracker, { evidence: true });
    expect(await createDecideTransition(deps)({ transition: transition(), receivedAt: at.toISOString() }, attempts()())).toEqual({ outcome: 'pass' });
    expect(fake.calls).not.toContain('moveTo');
    expect(decisions.all[0]?.criteria).toEqual([expect.objectContaining({ criterion: 'has-evidence', status: 'pass' })]);
  });

  it('after a retry that follows the move, does not move again but still posts the comment, and decides once', async () => {
    const fake = fakeTracker(ticket, { upsertComment: [new TrackerRateLimitedError('jira', 1000)] });
    const { deps, decisions, audit } = stepDeps(fake.tracker);
    const decide = createDecideTransition(deps);
    const attempt = attempts();
    const job = { transition: transition(), receivedAt: at.toISOString() };
    await expect(decide(job, attempt())).rejects.toThrow(TrackerRateLimitedError);
    expect(decisions.all).toEqual([]);
    expect(await decide(job, attempt())).toEqual({ outcome: 'fail' });
    expect(fake.calls.filter((c) => c === 'moveTo')).toHaveLength(1);
    expect(fake.calls.filter((c) => c === 'upsertComment')).toHaveLength(2);
    expect(decisions.all).toHaveLength(1);
    expect(trail(audit.events)).toEqual(['action:move', 'action:move', 'action:comment', 'action:label-add', 'action:property', 'decision:fail']);
  });

  it('answers a repeated delivery as already decided without calling the tracker', async () => {
    const fake = fakeTracker(ticket);
    const { deps, audit } = stepDeps(fake.tracker);
    const decide = createDecideTransition(deps);
    const job = { transition: transition(), receivedAt: at.toISOString() };
    await decide(job, attempts()());
    const callsBefore = fake.calls.length;
    expect(await decide(job, attempts()())).toEqual({ outcome: 'already-decided' });
    expect(fake.calls).toHaveLength(callsBefore);
    expect(audit.events.filter((e) => e.type === 'decision')).toHaveLength(1);
  });

  it('skips a move made by donegate’s own account without reading the ticket', async () => {
    const fake = fakeTracker(ticket);
    const { deps } = stepDeps(fake.tracker);
    const result = await createDecideTransition(deps)({ transition: transition({ actorId: 'donegate-bot' }), receivedAt: at.toISOString() }, attempts()());
    expect(result).toEqual({ outcome: 'skipped', reason: 'moved by donegate itself' });
    expect(fake.calls).toEqual(['selfId']);
  });

  it('skips a delivery whose ticket has left the status it moved to', async () => {
    const fake = fakeTracker({ ...ticket, status: { id: '2', name: 'In Review', category: 'indeterminate', isDone: false } });
    const { deps } = stepDeps(fake.tracker);
    const result = await createDecideTransition(deps)({ transition: transition(), receivedAt: at.toISOString() }, attempts()());
    expect(result.outcome).toBe('skipped');
    expect(fake.calls).not.toContain('moveTo');
  });

  it('skips a ticket no policy rule matches, recording the policy in force', async () => {
    const other = { ...ticket, project: 'OPS', key: 'OPS-1' };
    const fake = fakeTracker(other);
    const { deps, decisions } = stepDeps(fake.tracker);
    await createDecideTransition(deps)({ transition: transition({ ticketKey: 'OPS-1' }), receivedAt: at.toISOString() }, attempts()());
    expect(decisions.all.map((d) => [d.outcome, d.reason, d.policyHash])).toEqual([['skipped', 'no policy rule matches this ticket', deps.policy().hash]]);
  });
});

describe('the re-evaluate-ticket step', () => {
  const request = { tracker: 'jira' as const, ticketKey: ticket.key, triggerId: 'evidence:e-1', reason: 're-evaluated after evidence', requestedAt: at.toISOString() };

  it('updates comment, label and property when evidence arrived, but never moves the ticket', async () => {
    const fake = fakeTracker({ ...ticket, labels: [BLOCKED_LABEL] });
    const { deps, decisions, audit } = stepDeps(fake.tracker, { evidence: true });
    expect(await createReevaluateTicket(deps)(request, { isLastAttempt: false })).toEqual({ outcome: 'pass', reason: 're-evaluated after evidence' });
    expect(fake.calls).toEqual(['getTicket', 'upsertComment', 'removeLabel', 'setVerdictProperty']);
    expect(decisions.all.map((d) => [d.deliveryId, d.ticketId, d.toStatus, d.ticket?.summary])).toEqual([['evidence:e-1', ticket.id, 'Done', ticket.title]]);
    expect(audit.events.at(-1)).toMatchObject({ type: 'decision', data: { trigger: 'evidence', outcome: 'pass', evidence: [expect.any(String)] } });
  });

  it('names a waiver as the trigger when the re-evaluation follows one', async () => {
    const { deps, audit } = stepDeps(fakeTracker(ticket).tracker);
    await createReevaluateTicket(deps)({ ...request, triggerId: 'waiver:w-1' }, { isLastAttempt: false });
    expect(audit.events.at(-1)).toMatchObject({ type: 'decision', data: { deliveryId: 'waiver:w-1', trigger: 'waiver' } });
  });
});

describe('the handle-command step', () => {
  const command = (text: string, authorId = 'approver-1'): TicketCommand => ({
    tracker: 'jira',
    deliveryId: 'comment:c-9',
    ticketId: ticket.id,
    commentId: 'c-9',
    authorId,
    text,
    occurredAt: at.toISOString(),
  });

  it('replies to someone who is not an approver and records the reply before its skipped decision, under the ticket’s key', async () => {
    const fake = fakeTracker(ticket);
    const { deps, audit, waivers } = stepDeps(fake.tracker, { approvers: ['approver-1'] });
    const queued: string[] = [];
    const handle = createHandleCommand({ ...deps, enqueueReevaluation: async (r) => void queued.push(r.triggerId) });
    const result = await handle({ command: command('/donegate waive has-evidence until 2026-12-20: later', 'engineer-1'), receivedAt: at.toISOString() }, { isLastAttempt: false });
    expect(result.outcome).toBe('skipped');
    expect(fake.calls).toEqual(['selfId', 'getTicket', 'reply']);
    expect(audit.events.map((e) => [e.type, e.ticket])).toEqual([['action', 'ML-1'], ['decision', 'ML-1']]);
    expect(waivers.all).toEqual([]);
    expect(queued).toEqual([]);
  });

  it('stores an approver’s waiver, audits it and queues the ticket’s re-evaluation', async () => {
    const { deps, audit, waivers } = stepDeps(fakeTracker(ticket).tracker, { approvers: ['approver-1'] });
    const queued: string[] = [];
    const handle = createHandleCommand({ ...deps, enqueueReevaluation: async (r) => void queued.push(r.triggerId) });
    await handle({ command: command('/donegate waive has-evidence until 2026-12-20: accepted for the pilot'), receivedAt: at.toISOString() }, { isLastAttempt: false });
    expect(waivers.all).toHaveLength(1);
    expect(queued).toEqual([`waiver:${waivers.all[0]!.id}`]);
    expect(audit.events.map((e) => e.type)).toEqual(['waiver-created', 'decision']);
  });
});
