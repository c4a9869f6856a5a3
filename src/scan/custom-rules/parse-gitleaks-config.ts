import { createHash } from 'node:crypto';
import { RE2JS } from 're2js';
import { parse as parseToml } from 'smol-toml';
import { compileAllowlists, type CompiledAllowlists } from './compile-allowlists.js';
import { compileRe2 } from './compile-re2.js';
import { CUSTOM_RULE_LIMITS } from './custom-rule-limits.js';
import { CustomRulesError } from './custom-rules-error.js';
import { gitleaksConfigSchema, KNOWN_KEYS, ruleSchema, type GitleaksAllowlist, type GitleaksRule } from './gitleaks-config-schema.js';

/** One `[[rules]]` entry, compiled: what a custom-rule detector runs. */
export interface CustomRule {
  id: string;
  description?: string | undefined;
  regex: RE2JS;
  secretGroup: number;
  entropy?: number | undefined;
  /** Lower-cased; the rule runs only on lines holding one of them (any case). Empty: every line. */
  keywords: string[];
  /** The rule applies only to files whose path matches. */
  path?: RE2JS | undefined;
  allowlists: CompiledAllowlists;
  /** The rule as written (with the global allowlists that apply to it), canonical JSON: it counts in the rules hash. */
  definition: string;
}

/** A parsed config: its rules, a hash of what they detect, and what in it donegate does not act on. */
export interface CustomRuleSet {
  /** Where it came from, as named to the user (a path). */
  source: string;
  sha256: string;
  rules: CustomRule[];
  warnings: string[];
}

const unknownKeys = (table: object, known: readonly string[]) => Object.keys(table).filter((key) => !known.includes(key));

function issueText(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0]!;
  return `${issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`;
}

function compileRule(rule: GitleaksRule, globals: ReadonlyArray<GitleaksAllowlist & { targetRules?: string[] | undefined }>, source: string, warnings: string[]): CustomRule | undefined {
  const where = `${source}: rule "${rule.id}"`;
  for (const key of unknownKeys(rule, KNOWN_KEYS.rule)) {
    warnings.push(key === 'tags' ? `${where}: "tags" are not used by donegate` : `${where}: key "${key}" is not supported and was ignored`);
  }
  if (rule.regex === undefined) {
    warnings.push(`${where}: a rule without a regex (path only) is not supported, so this rule was skipped`);
    return undefined;
  }
  // MULTILINE: the scanner searches many lines at once, and `^`/`$` must mean each line's start and end.
  const regex = compileRe2(rule.regex, RE2JS.MULTILINE);
  if (typeof regex === 'string') throw new CustomRulesError(`${where}: regex is not a valid RE2 (Go) regex: ${regex}`);
  const secretGroup = rule.secretGroup ?? 0;
  if (secretGroup > regex.groupCount()) throw new CustomRulesError(`${where}: secretGroup ${secretGroup} names a group the regex does not have (it has ${regex.groupCount()})`);
  let path: RE2JS | undefined;
  if (rule.path !== undefined) {
    const compiled = compileRe2(rule.path);
    if (typeof compiled === 'string') throw new CustomRulesError(`${where}: path is not a valid RE2 (Go) regex: ${compiled}`);
    path = compiled;
  }
  const own = [...(rule.allowlist ? [rule.allowlist] : []), ...(rule.allowlists ?? [])];
  const global = globals.filter((list) => list.targetRules === undefined || list.targetRules.includes(rule.id));
  const allowlists = compileAllowlists(own, where, warnings);
  const globalAllowlists = compileAllowlists(global, `${source}: global`, []);
  const known = Object.fromEntries(KNOWN_KEYS.rule.filter((key) => key in rule).map((key) => [key, rule[key as keyof GitleaksRule]]));
  return {
    id: rule.id,
    description: rule.description,
    regex,
    secretGroup,
    entropy: rule.entropy,
    keywords: (rule.keywords ?? []).map((word) => word.toLowerCase()),
    path,
    allowlists: { content: [...allowlists.content, ...globalAllowlists.content], paths: [...allowlists.paths, ...globalAllowlists.paths] },
    definition: JSON.stringify({ rule: known, global }),
  };
}

/**
 * Reads custom rules written in gitleaks' TOML config format (https://github.com/gitleaks/gitleaks#configuration):
 * `[[rules]]` with id, description, regex (Go RE2), secretGroup, entropy, keywords, path, allowlists (and
 * the older single `allowlist`), and the global `[allowlist]` / `[[allowlists]]`. What donegate does not
 * act on (`[extend]`, `tags`, allowlist `commits`, unknown keys) is listed in `warnings`, never dropped
 * silently. A config that cannot be used throws `CustomRulesError` naming the rule.
 *
 * The config's allowlists apply to its own rules only: a catch-all allowlist in a repository's config can
 * silence that config's rules, never donegate's built-in detectors.
 */
export function parseGitleaksConfig(text: string, source: string): CustomRuleSet {
  if (Buffer.byteLength(text) > CUSTOM_RULE_LIMITS.configBytes) throw new CustomRulesError(`${source}: a custom rules config may have at most ${CUSTOM_RULE_LIMITS.configBytes} bytes`);
  let document: unknown;
  try {
    document = parseToml(text);
  } catch (error) {
    throw new CustomRulesError(`${source}: not valid TOML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = gitleaksConfigSchema.safeParse(document);
  if (!parsed.success) throw new CustomRulesError(`${source}: ${issueText(parsed.error)}`);
  const config = parsed.data;
  const warnings: string[] = [];
  for (const key of unknownKeys(config, KNOWN_KEYS.config)) {
    warnings.push(key === 'extend' ? `${source}: [extend] is not supported: the extended config (useDefault, path or url) is not loaded; donegate's own detectors run anyway` : `${source}: key "${key}" is not supported and was ignored`);
  }
  const globals = [...(config.allowlist ? [config.allowlist] : []), ...(config.allowlists ?? [])];
  compileAllowlists(globals, `${source}: global`, warnings);
  const seen = new Set<string>();
  const rules: CustomRule[] = [];
  config.rules.forEach((raw, index) => {
    const rule = ruleSchema.safeParse(raw);
    if (!rule.success) throw new CustomRulesError(`${source}: rule ${index + 1}${typeof (raw as { id?: unknown })?.id === 'string' ? ` "${(raw as { id: string }).id}"` : ''}: ${issueText(rule.error)}`);
    if (seen.has(rule.data.id)) throw new CustomRulesError(`${source}: rule id "${rule.data.id}" is used twice; each rule needs its own id`);
    seen.add(rule.data.id);
    const compiled = compileRule(rule.data, globals, source, warnings);
    if (compiled) rules.push(compiled);
  });
  const sha256 = createHash('sha256').update(JSON.stringify(rules.map((rule) => rule.definition))).digest('hex');
  return { source, sha256, rules, warnings };
}
