import type { Decision } from '../decisions/decision.js';
import type { DecisionRepository } from '../decisions/decision-repository.js';
import type { TrackerName } from '../domain/index.js';
import { hasExpired, type Waiver } from '../waivers/waiver.js';
import type { AuditLog } from './audit-log.js';
import { decisionEvent, waiverExpiredEvent, type DecisionContext } from './audit-events.js';

/** What the criteria were judged on, as the assessment read it. */
export interface DecisionInputs {
  evidenceIds: string[];
  waivers: Waiver[];
}

/**
 * Append a decision, then each waiver the decision found expired (the log keeps only the first time a
 * waiver is seen expired).
 */
export async function auditDecision(audit: AuditLog, decision: Decision, context: DecisionContext, inputs?: DecisionInputs): Promise<void> {
  await audit.append(decisionEvent(decision, { ...context, ...(inputs ? { evidenceIds: inputs.evidenceIds } : {}) }));
  for (const waiver of inputs?.waivers ?? []) {
    if (hasExpired(waiver, decision.decidedAt)) await audit.append(waiverExpiredEvent(waiver));
  }
}

/**
 * For a delivery found already decided: make sure the log has its decision. The attempt that recorded
 * the decision may have failed before appending it (the database went away between the two), and the
 * retry would otherwise skip it for good. The log keeps one decision per delivery, so when the entry is
 * there this appends nothing.
 */
export async function auditRecordedDecision(
  audit: AuditLog,
  decisions: Pick<DecisionRepository, 'find'>,
  ref: { tracker: TrackerName; deliveryId: string },
  context: DecisionContext,
): Promise<void> {
  const decision = await decisions.find(ref.tracker, ref.deliveryId);
  if (decision) await audit.append(decisionEvent(decision, { ...context, recovered: true }));
}
