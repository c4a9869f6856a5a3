import type { CriterionRegistry } from '../criteria/registry.js';
import type { EvidenceRepository } from '../evidence/evidence-repository.js';
import type { CriterionResult } from '../gate/verdict.js';
import { matchRule } from '../policy/match-rule.js';
import type { Policy, PolicyRule } from '../policy/policy.js';
import type { Ticket } from '../trackers/tracker.js';
import { evaluateCriteria } from './evaluate-criteria.js';

export interface AssessDeps {
  policy: () => Policy;
  registry: CriterionRegistry;
  evidence: EvidenceRepository;
}

export type Assessment =
  | { gated: false; policy: Policy }
  | { gated: true; policy: Policy; rule: PolicyRule; results: CriterionResult[] };

/** Which rule governs the ticket, and how each of its criteria stands on the evidence stored now. */
export async function assessTicket(deps: AssessDeps, ticket: Ticket, now: Date): Promise<Assessment> {
  const policy = deps.policy();
  const rule = matchRule(policy, ticket);
  if (!rule) return { gated: false, policy };
  const evidence = await deps.evidence.forTicket(ticket.tracker, ticket.key);
  const results = await evaluateCriteria(deps.registry, rule.require, ticket, evidence, now);
  return { gated: true, policy, rule, results };
}
