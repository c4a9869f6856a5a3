import type { DecisionInputs } from '../audit/audit-decision.js';
import { splitByOrigin } from '../criteria/evidence-from.js';
import type { CriterionRegistry } from '../criteria/registry.js';
import type { CriterionResult, Ticket } from '../domain/index.js';
import type { PolicyRule } from '../policy/policy.js';
import { evaluateCriteria } from './evaluate-criteria.js';
import type { GatheredEvidence } from './gather-evidence.js';

export interface Assessment {
  results: CriterionResult[];
  /** What the criteria were judged on, for the decision's audit entry. */
  inputs: DecisionInputs;
}

/**
 * How each criterion the rule requires stands on the evidence gathered for the ticket. Stores nothing;
 * a criterion may still look something up live (an artifact's encryption, say).
 */
export async function assessTicket(registry: CriterionRegistry, rule: PolicyRule, ticket: Ticket, gathered: GatheredEvidence, now: Date): Promise<Assessment> {
  const { evidence, waivers } = gathered;
  const results = await evaluateCriteria(registry, rule.require, { ticket, evidence, waivers, now });
  const inputs: DecisionInputs = {
    // Only what the criteria were shown: evidence a requirement's `from` ignores was not judged.
    evidenceIds: rule.require.flatMap(({ criterion, from }) => splitByOrigin(evidence.get(criterion) ?? [], from).accepted.map((record) => record.id)),
    waivers: rule.require.flatMap(({ criterion }) => waivers.get(criterion) ?? []),
  };
  return { results, inputs };
}
