import type { CriterionResult } from '../domain/index.js';
import { describeExpiredWaiver, describeWaiver, isActive, type Waiver } from './waiver.js';

/**
 * A whole-criterion waiver turns a criterion that is not met into a pass that says who accepted the
 * risk, until when and why; the unmet reason stays visible. Once the waiver expires it stops counting,
 * and the result says so.
 */
export function applyCriterionWaivers(result: CriterionResult, waivers: readonly Waiver[], now: Date): CriterionResult {
  if (result.status === 'pass') return result;
  const whole = waivers.filter((waiver) => waiver.advisories.length === 0);
  const active = whole.filter((waiver) => isActive(waiver, now)).at(-1);
  if (active) {
    return {
      criterion: result.criterion,
      status: 'pass',
      reason: describeWaiver(active),
      details: [`without the waiver: ${result.reason}`],
      // The evidence judged stays on record beside the waiver that overrode it.
      ...(result.evidence ? { evidence: result.evidence } : {}),
    };
  }
  const expired = whole.filter((waiver) => !isActive(waiver, now)).at(-1);
  if (!expired) return result;
  return { ...result, details: [...(result.details ?? []), describeExpiredWaiver(expired)] };
}
