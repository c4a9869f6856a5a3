import type { PolicyRule } from '../policy/policy.js';
import type { MoveOutcome, Ticket } from '../domain/index.js';
import { BLOCKED_LABEL, type CriterionResult, type VerdictComment, type VerdictProperty, type VerdictStatus } from '../domain/index.js';

export interface GateInput {
  ticket: Ticket;
  /** The status the ticket came from (what a block moves it back to). */
  from: { statusId: string; statusName?: string };
  rule: PolicyRule;
  results: CriterionResult[];
  policyHash: string;
  now: Date;
  /**
   * What prompted the evaluation: a move into Done (the gate may move the ticket back), or new
   * evidence (the gate only reports: the ticket is wherever people put it).
   */
  trigger?: 'transition' | 'evidence';
}

/** What the gate decided and what should happen to the ticket. Pure data: the worker carries it out. */
export interface GatePlan {
  verdict: VerdictStatus;
  /** Set when the ticket must go back (block mode, not all criteria pass). */
  moveBackTo?: { statusId: string; statusName?: string };
  label: { add?: string; remove?: string };
  property: VerdictProperty;
}

/**
 * The gate: policy rule + ticket + criterion results → verdict and planned actions. No I/O, so every
 * branch is a plain unit test. Only a full pass passes: a criterion that could not be checked (`error`)
 * is not evidence.
 */
export function planGate(input: GateInput): GatePlan {
  const verdict: VerdictStatus = input.results.every((r) => r.status === 'pass') ? 'pass' : 'fail';
  const onEvidence = input.trigger === 'evidence';
  const blocking = !onEvidence && verdict === 'fail' && input.rule.mode === 'block';
  const label = labelChange(input.ticket.labels.includes(BLOCKED_LABEL), blocking, onEvidence && verdict === 'fail');
  return {
    verdict,
    ...(blocking ? { moveBackTo: input.from } : {}),
    label,
    property: {
      status: verdict,
      rule: input.rule.name,
      mode: input.rule.mode,
      criteria: input.results.map(({ criterion, status, reason }) => ({ criterion, status, reason })),
      evaluatedAt: input.now.toISOString(),
    },
  };
}

/**
 * The label marks tickets held back by the gate: added when blocking, removed otherwise (a pass, or
 * warn mode, which holds nothing back). New evidence that still fails leaves it as it is.
 */
function labelChange(hasLabel: boolean, blocking: boolean, leaveAsIs: boolean): GatePlan['label'] {
  if (leaveAsIs) return {};
  if (blocking) return hasLabel ? {} : { add: BLOCKED_LABEL };
  return hasLabel ? { remove: BLOCKED_LABEL } : {};
}

/**
 * The words of donegate's comment. Written after the move was attempted, because whether the ticket
 * could go back changes what the reader must do.
 */
export function composeComment(input: GateInput, plan: GatePlan, move?: MoveOutcome): VerdictComment {
  const { ticket, rule, results } = input;
  const open = results.filter((r) => r.status !== 'pass').length;
  const missing = `${open} of ${results.length} security ${results.length === 1 ? 'check is' : 'checks are'} not met`;
  const back = (move?.moved ? move.toStatusName : undefined) ?? input.from.statusName ?? 'its previous status';
  const notes: string[] = [];
  let headline: string;
  if (input.trigger === 'evidence') {
    headline =
      plan.verdict === 'pass'
        ? ticket.status.isDone
          ? `All ${results.length} security Definition-of-Done checks pass for ${ticket.key}.`
          : `All evidence is present: all ${results.length} security checks pass, so ${ticket.key} can be moved to Done now.`
        : `New evidence received, but ${missing} yet. Supply the evidence below before moving ${ticket.key} to Done.`;
  } else if (plan.verdict === 'pass') {
    headline = `All ${results.length} security Definition-of-Done checks pass for ${ticket.key}.`;
  } else if (rule.mode === 'warn') {
    headline = `Warning: ${missing}. This project's policy only warns, so ${ticket.key} stays in ${ticket.status.name}; please supply the evidence below.`;
  } else if (move && !move.moved) {
    headline = `${ticket.key} could not be moved back: ${missing}. It is not security-done until the evidence below is supplied.`;
    // The tracker words both halves: only it knows what is missing and who can change it.
    notes.push(`${move.explanation}. ${move.fix}.`);
  } else {
    headline = `Moved back to ${back}: ${missing}. Supply the evidence below, then move ${ticket.key} to Done again.`;
  }
  return {
    status: plan.verdict,
    mode: rule.mode,
    headline,
    criteria: results,
    notes,
    footer: `Rule "${rule.name}" (${rule.mode} mode) · policy sha256:${input.policyHash.slice(0, 12)} · evaluated ${input.now.toISOString()}`,
  };
}
