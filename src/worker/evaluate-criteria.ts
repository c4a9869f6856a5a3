import { explainIgnored, splitByOrigin } from '../criteria/evidence-from.js';
import type { CriterionRegistry } from '../criteria/registry.js';
import type { CriterionResult, Ticket } from '../domain/index.js';
import type { Requirement } from '../policy/policy.js';
import { applyCriterionWaivers } from '../waivers/apply-criterion-waivers.js';
import type { GatheredEvidence } from './gather-evidence.js';

/** What the criteria are shown: the ticket, what was gathered for it, and the time of the check. */
export interface TicketEvidence extends GatheredEvidence {
  ticket: Ticket;
  now: Date;
}

/**
 * Run each required criterion, on the evidence its requirement accepts (`from`), then its whole-criterion waivers. A criterion that throws is reported
 * as `error` ("could not be checked") — never as a pass, and never allowed to take the others down.
 */
export async function evaluateCriteria(registry: CriterionRegistry, requirements: Requirement[], input: TicketEvidence): Promise<CriterionResult[]> {
  const { ticket, now } = input;
  return Promise.all(
    requirements.map(async ({ criterion, options, from }): Promise<CriterionResult> => {
      const known = registry.get(criterion);
      if (!known) {
        return { criterion, status: 'error', reason: `unknown criterion "${criterion}"`, fix: 'fix the policy file' };
      }
      const waivers = input.waivers.get(criterion) ?? [];
      // `from: ci` in the policy: evidence of any other provenance is not shown to the criterion at all.
      const { accepted, ignored } = splitByOrigin(input.evidence.get(criterion) ?? [], from);
      let result: CriterionResult;
      try {
        result = explainIgnored(await known.evaluate({ ticket, evidence: accepted, waivers, now }, options), accepted, ignored, from);
      } catch (error) {
        result = {
          criterion,
          status: 'error',
          reason: `could not be checked: ${error instanceof Error ? error.message : String(error)}`,
          fix: 'retry the move to Done; if this persists, ask the donegate operator to check its logs',
        };
      }
      return applyCriterionWaivers(result, waivers, now);
    }),
  );
}
