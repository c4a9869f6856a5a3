import { open } from 'node:fs/promises';
import { CUSTOM_RULE_LIMITS } from './custom-rule-limits.js';
import { CustomRulesError } from './custom-rules-error.js';
import { parseGitleaksConfig, type CustomRuleSet } from './parse-gitleaks-config.js';

/** Reads and parses a gitleaks TOML config, reading at most one byte past the size limit. */
export async function readCustomRules(path: string): Promise<CustomRuleSet> {
  let text: string;
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(CUSTOM_RULE_LIMITS.configBytes + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      text = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new CustomRulesError(`cannot read the custom rules config ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseGitleaksConfig(text, path);
}
