/**
 * Bounds on a custom rules config. A config is input the gate does not trust (a repository's own file is
 * written by the people the gate checks), so its size and the work each rule can cost are capped.
 */
export const CUSTOM_RULE_LIMITS = {
  /** Bytes of TOML read. gitleaks' own default config (about 200 rules) is under 150 KiB. */
  configBytes: 1 << 20,
  rules: 1000,
  /** Characters of one regex (gitleaks' longest default rule is under 1,000). */
  regexLength: 2000,
  /** Instructions of one compiled RE2 program: search time grows with text length times this. */
  programSize: 10_000,
  keywords: 100,
  keywordLength: 100,
  allowlists: 20,
  regexesPerAllowlist: 500,
  stopwordsPerAllowlist: 5000,
  stopwordLength: 200,
} as const;
