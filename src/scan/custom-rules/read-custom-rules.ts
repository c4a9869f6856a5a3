import { readFileHead } from '../read/read-file-head.js';
import { CUSTOM_RULE_LIMITS } from './custom-rule-limits.js';
import { CustomRulesError } from './custom-rules-error.js';
import { parseGitleaksConfig, type CustomRuleSet } from './parse-gitleaks-config.js';

/** Reads and parses a gitleaks TOML config, reading at most one byte past the size limit. */
export async function readCustomRules(path: string): Promise<CustomRuleSet> {
  let text: string;
  try {
    text = (await readFileHead(path, CUSTOM_RULE_LIMITS.configBytes)).toString('utf8');
  } catch (error) {
    throw new CustomRulesError(`cannot read the custom rules config ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseGitleaksConfig(text, path);
}
