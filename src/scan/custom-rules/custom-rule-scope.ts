import type { ScanFinding } from '../scan-types.js';
import { CUSTOM_DETECTOR_PREFIX } from './custom-detector-prefix.js';
import type { CustomRuleSet } from './parse-gitleaks-config.js';

/** Where a finding is and which detector made it: all the scope looks at. */
type Placed = Pick<ScanFinding, 'file' | 'detector'>;

/**
 * Whether a finding stands under its rule's path conditions: a custom rule with `path` applies only to
 * matching files, and an allowlist `paths` entry drops its rule's findings in matching files. Findings of
 * built-in detectors always stand: a config's allowlists never reach past its own rules.
 * Paths are tested as the report names them, without a leading `./`.
 */
export function customRuleScope(sets: readonly CustomRuleSet[]): (finding: Placed) => boolean {
  const rules = new Map<string, CustomRuleSet['rules'][number]>(sets.flatMap((set) => set.rules.map((rule) => [`${CUSTOM_DETECTOR_PREFIX}${rule.id}`, rule] as const)));
  return (finding) => {
    const rule = rules.get(finding.detector);
    if (!rule) return true;
    const file = finding.file.replace(/^(\.\/)+/, '');
    if (rule.path && !rule.path.test(file)) return false;
    return !rule.allowlists.paths.some((path) => path.test(file));
  };
}
