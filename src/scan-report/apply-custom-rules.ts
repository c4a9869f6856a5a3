import { customRuleScope } from '../scan/custom-rules/custom-rule-scope.js';
import type { CustomRuleSet } from '../scan/custom-rules/parse-gitleaks-config.js';
import type { ScanReport } from '../scan/scan-types.js';
import { withFindings } from './summarise-findings.js';

/**
 * The report of a scan that ran custom rules: their findings outside the rules' `path` or inside an
 * allowlisted path are dropped (the rule does not apply there), and the report names each config, its
 * hash and rule count, and lists what in the configs donegate did not act on.
 */
export function applyCustomRules(report: ScanReport, sets: readonly CustomRuleSet[]): ScanReport {
  if (sets.length === 0) return report;
  const scope = customRuleScope(sets);
  const warnings = [...(report.warnings ?? []), ...sets.flatMap((set) => set.warnings)];
  return {
    ...withFindings(report, report.findings.filter(scope)),
    ...(report.allowed ? { allowed: report.allowed.filter(scope) } : {}),
    customRules: [...(report.customRules ?? []), ...sets.map(({ source, sha256, rules }) => ({ source, sha256, rules: rules.length }))],
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}
