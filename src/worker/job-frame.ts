import { createActionRecorder, type ActionRecorder } from '../audit/action-recorder.js';
import { auditDecision, auditRecordedDecision, type DecisionInputs } from '../audit/audit-decision.js';
import type { DecisionContext } from '../audit/audit-events.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Decision, DecisionOutcome } from '../decisions/decision.js';
import type { DecisionRepository } from '../decisions/decision-repository.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/create-metrics.js';
import type { Policy } from '../policy/policy.js';
import { TrackerPermanentError } from '../trackers/errors.js';
import type { TrackerName } from '../domain/index.js';
import type { Tracker } from '../trackers/tracker.js';

/** What a job hands back to the queue. `already-decided`: a repeated delivery, nothing was done. */
export interface JobResult {
  outcome: DecisionOutcome | 'already-decided';
  reason?: string;
}

export interface JobContext {
  /** True on the last attempt: a transient fault then becomes a recorded `error` decision. */
  isLastAttempt: boolean;
}

/** What the frame needs, whatever the job. */
export interface FrameDeps {
  trackers: Partial<Record<TrackerName, Tracker>>;
  policy: () => Policy;
  decisions: DecisionRepository;
  /** Each decision and each action taken is appended here. */
  audit: AuditLog;
  log: Logger;
  now?: () => Date;
  /** Counts each decision recorded, by outcome and rule. */
  metrics?: Pick<Metrics, 'decisions'>;
  /** Told of each decision once it is recorded, to queue its notifications; never throws. */
  announce?: (decision: Decision) => Promise<void>;
}

/** What every decision of a job carries, whatever its step finds: the delivery, the ticket, when it arrived. */
export type DecisionBase = Pick<Decision, 'deliveryId' | 'tracker' | 'ticketKey' | 'ticketId' | 'receivedAt'> &
  Partial<Pick<Decision, 'fromStatus' | 'toStatus' | 'occurredAt'>>;

/** The part of a decision a step settles; the frame adds the base and the time. */
export type StepDecision = Pick<Decision, 'outcome'> & Partial<Omit<Decision, 'outcome' | 'deliveryId' | 'tracker' | 'decidedAt'>>;

/** What a step is given: the ticket's tracker, a logger for the job, and the one way to record its decision. */
export interface StepScope {
  tracker: Tracker;
  log: Logger;
  now: () => Date;
  /** Action entries, appended as each action happens and committed before the decision's entry. */
  actions: ActionRecorder;
  /** Record the job's one decision (and its audit entries) and end the job with it. */
  record(decision: StepDecision, inputs?: DecisionInputs): Promise<JobResult>;
  /** Once the ticket is read: later decisions and action entries name it by its own key and id. */
  identify(ticket: { key: string; id: string }): void;
}

/** One job as the frame runs it: who it is about, how it is audited, and the step that differs. */
export interface FramedJob {
  decision: DecisionBase;
  /** What set the decision off, and who: the audit entry's `trigger` and `by`. */
  audited: Omit<DecisionContext, 'policyVersion'>;
  /** Fields of the job's child logger. */
  logFields: Record<string, string>;
  /** The log line once the decision is recorded. */
  loggedAs: string;
  /** Set when the job must be recorded as skipped without reading the ticket (a stale delivery). */
  skipBecause?: string;
  step(scope: StepScope): Promise<JobResult>;
}

/**
 * The frame every job runs in (the worker holds the ticket's lock around it): a delivery already decided is
 * only made sure of in the audit log; otherwise the step runs with a recorder that keeps one decision per
 * delivery, appended after the actions it took; a permanent tracker fault, or a transient one on the last
 * attempt, becomes a recorded `error` decision, and the error still reaches the queue to stop or retry the job.
 */
export async function runFramedJob(deps: FrameDeps, job: FramedJob, context: JobContext): Promise<JobResult> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log.child(job.logFields);
  const audited: DecisionContext = { ...job.audited, policyVersion: deps.policy().version };
  const subject = { ...job.decision };
  if (await deps.decisions.isDecided(subject.tracker, subject.deliveryId)) {
    log.info('delivery already decided; nothing to do');
    await auditRecordedDecision(deps.audit, deps.decisions, subject, audited);
    return { outcome: 'already-decided' };
  }
  // Read at each append, so entries made after `identify` name the ticket as the tracker does.
  const actions = createActionRecorder(deps.audit, subject);
  const record = async (decision: StepDecision, inputs?: DecisionInputs): Promise<JobResult> => {
    await actions.settle();
    const full: Decision = { criteria: [], actions: [], ...subject, ...decision, decidedAt: now() };
    if (await deps.decisions.record(full)) {
      await auditDecision(deps.audit, full, audited, inputs);
      deps.metrics?.decisions.inc({ outcome: full.outcome, rule: full.rule ?? 'none' });
      await deps.announce?.(full);
    }
    const logged = { outcome: decision.outcome, reason: decision.reason };
    if (decision.outcome === 'error') log.warn(logged, job.loggedAs);
    else log.info(logged, job.loggedAs);
    return { outcome: decision.outcome, ...(decision.reason !== undefined ? { reason: decision.reason } : {}) };
  };

  // A replayed (or hopelessly late) delivery: on the record, so an auditor sees the attempt, and nothing more.
  if (job.skipBecause !== undefined) return record({ outcome: 'skipped', reason: job.skipBecause });
  const tracker = deps.trackers[subject.tracker];
  if (!tracker) return record({ outcome: 'error', reason: `${subject.tracker} is not configured on this donegate` });
  const identify = (ticket: { key: string; id: string }) => {
    subject.ticketKey = ticket.key;
    subject.ticketId = ticket.id;
  };
  try {
    return await job.step({ tracker, log, now, actions, record, identify });
  } catch (error) {
    if (error instanceof TrackerPermanentError) {
      await record({ outcome: 'error', reason: `${error.fault}: ${error.message}` });
    } else if (context.isLastAttempt) {
      await record({ outcome: 'error', reason: `gave up after retries: ${error instanceof Error ? error.message : String(error)}` });
    }
    throw error;
  }
}
