/** Custom secret rules in gitleaks' TOML config format, run with an RE2 engine. */
export { CUSTOM_DETECTOR_PREFIX } from './custom-detector-prefix.js';
export { createCustomRuleDetector } from './custom-rule-detector.js';
export { customRuleDetectors } from './custom-rule-detectors.js';
export { customRuleScope } from './custom-rule-scope.js';
export { CUSTOM_RULE_LIMITS } from './custom-rule-limits.js';
export { CustomRulesError } from './custom-rules-error.js';
export { parseGitleaksConfig, type CustomRule, type CustomRuleSet } from './parse-gitleaks-config.js';
export { readCustomRules } from './read-custom-rules.js';
