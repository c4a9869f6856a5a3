import type { CriterionRegistry } from '../criteria/registry.js';
import type { EvidenceRecord } from '../evidence/evidence-record.js';
import type { CriterionResult } from '../gate/verdict.js';
import type { Requirement } from '../policy/policy.js';
import type { Ticket } from '../trackers/tracker.js';

/**
 * Run each required criterion. A criterion that throws is reported as `error` ("could not be
 * checked") — never as a pass, and never allowed to take the other criteria down with it.
 */
export async function evaluateCriteria(
  registry: CriterionRegistry,
  requirements: Requirement[],
  ticket: Ticket,
  evidence: Map<string, EvidenceRecord[]>,
  now: Date,
): Promise<CriterionResult[]> {
  return Promise.all(
    requirements.map(async ({ criterion, options }): Promise<CriterionResult> => {
      const known = registry.get(criterion);
      if (!known) {
        return { criterion, status: 'error', reason: `unknown criterion "${criterion}"`, fix: 'fix the policy file' };
      }
      try {
        return await known.evaluate({ ticket, evidence: evidence.get(criterion) ?? [], now }, options);
      } catch (error) {
        return {
          criterion,
          status: 'error',
          reason: `could not be checked: ${error instanceof Error ? error.message : String(error)}`,
          fix: 'retry the move to Done; if this persists, ask the donegate operator to check its logs',
        };
      }
    }),
  );
}
