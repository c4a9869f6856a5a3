import type { Detector } from '../detectors/detector.js';
import { createCustomRuleDetector } from './custom-rule-detector.js';
import { CustomRulesError } from './custom-rules-error.js';
import type { CustomRuleSet } from './parse-gitleaks-config.js';

/** The detectors of one or more configs (say, the policy's and the repository's); a rule id may appear once. */
export function customRuleDetectors(sets: readonly CustomRuleSet[]): Detector[] {
  const from = new Map<string, string>();
  return sets.flatMap((set) =>
    set.rules.map((rule) => {
      const other = from.get(rule.id);
      if (other !== undefined) throw new CustomRulesError(`rule id "${rule.id}" is in both ${other} and ${set.source}; each rule needs its own id`);
      from.set(rule.id, set.source);
      return createCustomRuleDetector(rule);
    }),
  );
}
