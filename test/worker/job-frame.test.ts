import { describe, expect, it } from '@jest/globals';
import { TrackerPermanentError, TrackerUnavailableError } from '../../src/trackers/errors.js';
import { runFramedJob, type FrameDeps, type FramedJob, type StepScope } from '../../src/worker/job-frame.js';
import { captureLog } from '../support/capture-log.js';
import { doneTicket, fakeTracker, inMemoryAudit, inMemoryDecisions, mlPolicy } from '../support/in-memory-worker-deps.js';

const ticket = doneTicket();
const at = new Date('2026-12-02T08:00:00.000Z');

function frameDeps(trackers: FrameDeps['trackers'] = { jira: fakeTracker(ticket).tracker }) {
  const decisions = inMemoryDecisions();
  const audit = inMemoryAudit();
  const deps: FrameDeps = { trackers, policy: () => mlPolicy(), decisions, audit, log: captureLog().log, now: () => at };
  return { deps, decisions, audit };
}

function job(step: FramedJob['step'], extra: Partial<FramedJob> = {}): FramedJob {
  return {
    decision: { deliveryId: 'd-1', tracker: 'jira', ticketKey: 'ML-1', ticketId: '10001', receivedAt: at },
    audited: { trigger: 'transition', by: 'acc-1' },
    logFields: { deliveryId: 'd-1' },
    loggedAs: 'decision recorded',
    step,
    ...extra,
  };
}

const skipStep = (scope: StepScope) => scope.record({ outcome: 'skipped', reason: 'nothing to do' });
const throwing = (error: Error) => async () => {
  throw error;
};

describe('runFramedJob', () => {
  it('records the decision the step settles, once, with its audit entry after the step', async () => {
    const { deps, decisions, audit } = frameDeps();
    const result = await runFramedJob(deps, job(skipStep), { isLastAttempt: false });
    expect(result).toEqual({ outcome: 'skipped', reason: 'nothing to do' });
    expect(decisions.all).toEqual([expect.objectContaining({ deliveryId: 'd-1', outcome: 'skipped', criteria: [], actions: [], decidedAt: at })]);
    expect(audit.events.map((e) => [e.type, e.data.trigger, e.data.by])).toEqual([['decision', 'transition', 'jira:acc-1']]);
  });

  describe('when the delivery was decided before', () => {
    it('runs no step and only makes sure the log holds that decision, marked recovered', async () => {
      const { deps, decisions, audit } = frameDeps();
      await decisions.record({ deliveryId: 'd-1', tracker: 'jira', ticketKey: 'ML-1', ticketId: '10001', outcome: 'fail', criteria: [], actions: [], receivedAt: at, decidedAt: at });
      let ran = false;
      const result = await runFramedJob(deps, job(async (scope) => ((ran = true), skipStep(scope))), { isLastAttempt: false });
      expect(result).toEqual({ outcome: 'already-decided' });
      expect(ran).toBe(false);
      expect(audit.events).toEqual([expect.objectContaining({ type: 'decision', data: expect.objectContaining({ deliveryId: 'd-1', outcome: 'fail', recovered: true }) })]);
    });
  });

  it('records an error decision without running the step when the ticket’s tracker is not configured', async () => {
    const { deps, decisions } = frameDeps({});
    const result = await runFramedJob(deps, job(skipStep), { isLastAttempt: false });
    expect(result).toEqual({ outcome: 'error', reason: 'jira is not configured on this donegate' });
    expect(decisions.all).toHaveLength(1);
  });

  it('records a stale delivery as skipped without calling the tracker', async () => {
    const fake = fakeTracker(ticket);
    const { deps, decisions } = frameDeps({ jira: fake.tracker });
    await runFramedJob(deps, job(skipStep, { skipBecause: 'stale delivery' }), { isLastAttempt: false });
    expect(decisions.all.map((d) => [d.outcome, d.reason])).toEqual([['skipped', 'stale delivery']]);
    expect(fake.calls).toEqual([]);
  });

  describe('when the step throws', () => {
    it('records a permanent tracker fault as an error decision and still throws it, so the queue stops the job', async () => {
      const { deps, decisions } = frameDeps();
      const fault = new TrackerPermanentError('jira', 'not-found', 'issue ML-1 does not exist');
      await expect(runFramedJob(deps, job(throwing(fault)), { isLastAttempt: false })).rejects.toBe(fault);
      expect(decisions.all.map((d) => d.reason)).toEqual(['not-found: issue ML-1 does not exist']);
    });

    it('records nothing for a transient fault before the last attempt, so a retry can still decide', async () => {
      const { deps, decisions, audit } = frameDeps();
      await expect(runFramedJob(deps, job(throwing(new TrackerUnavailableError('jira', 'HTTP 503'))), { isLastAttempt: false })).rejects.toThrow('HTTP 503');
      expect(decisions.all).toEqual([]);
      expect(audit.events).toEqual([]);
    });

    it('records a transient fault on the last attempt as an error decision that says it gave up', async () => {
      const { deps, decisions } = frameDeps();
      await expect(runFramedJob(deps, job(throwing(new TrackerUnavailableError('jira', 'HTTP 503'))), { isLastAttempt: true })).rejects.toThrow('HTTP 503');
      expect(decisions.all.map((d) => [d.outcome, d.reason])).toEqual([['error', 'gave up after retries: HTTP 503']]);
    });
  });

  it('commits the action entries before the decision entry, in the order the actions happened', async () => {
    const { deps, audit } = frameDeps();
    await runFramedJob(
      deps,
      job(async (scope) => {
        await scope.actions.record({ type: 'move', ok: true, detail: 'moved back', at: at.toISOString() });
        await scope.actions.record({ type: 'comment', ok: true, detail: 'created comment c-1', at: at.toISOString() });
        return scope.record({ outcome: 'fail' });
      }),
      { isLastAttempt: false },
    );
    expect(audit.events.map((e) => (e.type === 'action' ? e.data.action : e.type))).toEqual(['move', 'comment', 'decision']);
  });

  it('records no decision when an action entry could not be appended, so the retry decides again', async () => {
    const { deps, decisions, audit } = frameDeps();
    audit.failNext(new Error('database went away'));
    const step = async (scope: StepScope) => {
      await scope.actions.record({ type: 'comment', ok: true, detail: 'created comment c-1', at: at.toISOString() });
      return scope.record({ outcome: 'pass' });
    };
    await expect(runFramedJob(deps, job(step), { isLastAttempt: false })).rejects.toThrow('database went away');
    expect(decisions.all).toEqual([]);
  });

  it('names the ticket by the key the tracker gave once the step identifies it', async () => {
    const { deps, decisions, audit } = frameDeps();
    const byId = job(
      async (scope) => {
        scope.identify({ key: 'ML-1', id: '10001' });
        await scope.actions.record({ type: 'comment', ok: true, detail: 'replied', at: at.toISOString() });
        return scope.record({ outcome: 'skipped' });
      },
      { decision: { deliveryId: 'd-1', tracker: 'jira', ticketKey: '10001', ticketId: '10001', receivedAt: at } },
    );
    await runFramedJob(deps, byId, { isLastAttempt: false });
    expect(audit.events.map((e) => e.ticket)).toEqual(['ML-1', 'ML-1']);
    expect(decisions.all.map((d) => d.ticketKey)).toEqual(['ML-1']);
  });
});
