import type { Ticket } from '../domain/index.js';
import { matchRule } from '../policy/match-rule.js';
import type { Policy, PolicyRule } from '../policy/policy.js';
import { assessTicket, type Assessment } from './assess-ticket.js';
import { gatherEvidence, type GatherDeps } from './gather-evidence.js';

export interface CheckDeps extends GatherDeps {
  policy: () => Policy;
}

export type TicketCheck = { gated: false; policy: Policy } | ({ gated: true; policy: Policy; rule: PolicyRule } & Assessment);

/** The gate's three steps before it acts: which rule governs the ticket, gather its evidence, assess it. */
export async function checkTicket(deps: CheckDeps, ticket: Ticket, now: Date): Promise<TicketCheck> {
  const policy = deps.policy();
  const rule = matchRule(policy, ticket);
  if (!rule) return { gated: false, policy };
  const gathered = await gatherEvidence(deps, ticket, rule, policy);
  return { gated: true, policy, rule, ...(await assessTicket(deps.registry, rule, ticket, gathered, now)) };
}
