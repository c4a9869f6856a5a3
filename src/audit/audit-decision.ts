import type { Decision } from '../decisions/decision.js';
import { isActive, type Waiver } from '../waivers/waiver.js';
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
    if (!isActive(waiver, decision.decidedAt)) await audit.append(waiverExpiredEvent(waiver));
  }
}
