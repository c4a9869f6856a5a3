import { z } from 'zod';
import { CUSTOM_RULE_LIMITS as LIMITS } from './custom-rule-limits.js';

const regexText = z.string().min(1).max(LIMITS.regexLength, `a regex may have at most ${LIMITS.regexLength} characters`);

/** One gitleaks allowlist, per rule (`[[rules.allowlists]]`, older `[rules.allowlist]`) or global. */
export const allowlistSchema = z.looseObject({
  description: z.string().max(1000).optional(),
  condition: z.enum(['OR', 'AND', 'or', 'and']).optional(),
  regexTarget: z.enum(['secret', 'match', 'line']).optional(),
  regexes: z.array(regexText).max(LIMITS.regexesPerAllowlist).optional(),
  stopwords: z.array(z.string().min(1).max(LIMITS.stopwordLength)).max(LIMITS.stopwordsPerAllowlist).optional(),
  paths: z.array(regexText).max(LIMITS.regexesPerAllowlist).optional(),
  commits: z.array(z.string().max(100)).max(LIMITS.regexesPerAllowlist).optional(),
  /** Only in a global `[[allowlists]]`: the rules it applies to. */
  targetRules: z.array(z.string()).max(LIMITS.rules).optional(),
});

export const ruleSchema = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a rule id is 1 to 100 letters, digits, dots, dashes or underscores'),
  description: z.string().max(1000).optional(),
  regex: regexText.optional(),
  secretGroup: z.number().int().min(0).max(99).optional(),
  entropy: z.number().min(0).max(32).optional(),
  keywords: z.array(z.string().min(1).max(LIMITS.keywordLength)).max(LIMITS.keywords).optional(),
  path: regexText.optional(),
  tags: z.array(z.string().max(100)).max(100).optional(),
  allowlist: allowlistSchema.optional(),
  allowlists: z.array(allowlistSchema).max(LIMITS.allowlists).optional(),
});

export const gitleaksConfigSchema = z.looseObject({
  title: z.string().max(1000).optional(),
  rules: z.array(z.unknown()).max(LIMITS.rules, `a config may have at most ${LIMITS.rules} rules`).default([]),
  allowlist: allowlistSchema.optional(),
  allowlists: z.array(allowlistSchema).max(LIMITS.allowlists).optional(),
});

export type GitleaksAllowlist = z.infer<typeof allowlistSchema>;
export type GitleaksRule = z.infer<typeof ruleSchema>;

/** Keys each table may hold that donegate acts on (or, like `title` and `description`, merely reads). */
export const KNOWN_KEYS = {
  config: ['title', 'rules', 'allowlist', 'allowlists'],
  rule: ['id', 'description', 'regex', 'secretGroup', 'entropy', 'keywords', 'path', 'allowlist', 'allowlists'],
  allowlist: ['description', 'condition', 'regexTarget', 'regexes', 'stopwords', 'paths'],
} as const;
