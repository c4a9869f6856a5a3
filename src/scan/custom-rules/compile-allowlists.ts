import type { RE2JS } from 're2js';
import { compileRe2 } from './compile-re2.js';
import { CustomRulesError } from './custom-rules-error.js';
import { KNOWN_KEYS, type GitleaksAllowlist } from './gitleaks-config-schema.js';

/** The parts of a match an allowlist's `regexes` can be tested against (`regexTarget`). */
export interface MatchParts {
  secret: string;
  match: string;
  line: string;
}

/**
 * A rule's allowlists, split by what they need to see: the matched text (tested while scanning) or the
 * file path (tested on the findings, since a detector does not know its file). An allowlist whose
 * `condition = "AND"` joins a path with text conditions needs both at once and is not supported.
 */
export interface CompiledAllowlists {
  content: Array<(parts: MatchParts) => boolean>;
  paths: RE2JS[];
}

/** Compiles the allowlists of one rule (`where` names it in errors and warnings), adding to `warnings`. */
export function compileAllowlists(lists: readonly GitleaksAllowlist[], where: string, warnings: string[]): CompiledAllowlists {
  const compiled: CompiledAllowlists = { content: [], paths: [] };
  lists.forEach((list, index) => {
    const name = `${where} allowlist ${index + 1}`;
    for (const key of Object.keys(list)) {
      if (key === 'commits') warnings.push(`${name}: "commits" is ignored: donegate scans files, not git history`);
      else if (key !== 'targetRules' && !(KNOWN_KEYS.allowlist as readonly string[]).includes(key)) warnings.push(`${name}: key "${key}" is not supported and was ignored`);
    }
    const regex = (source: string, what: string): RE2JS => {
      const program = compileRe2(source);
      if (typeof program === 'string') throw new CustomRulesError(`${name}: ${what} ${JSON.stringify(source)} is not a valid RE2 regex: ${program}`);
      if (program.test('')) warnings.push(`${name}: ${what} ${JSON.stringify(source)} matches everything, so it allows every finding of ${where}`);
      return program;
    };
    const regexes = (list.regexes ?? []).map((source) => regex(source, 'regex'));
    const paths = (list.paths ?? []).map((source) => regex(source, 'path'));
    const stopwords = (list.stopwords ?? []).map((word) => word.toLowerCase());
    const target = list.regexTarget ?? 'secret';
    const byRegex = regexes.length === 0 ? undefined : (parts: MatchParts) => regexes.some((program) => program.test(parts[target]));
    const byStopword = stopwords.length === 0 ? undefined : (parts: MatchParts) => stopwords.some((word) => parts.secret.toLowerCase().includes(word));
    const and = list.condition?.toUpperCase() === 'AND';
    if (and && (list.commits?.length ?? 0) > 0) {
      warnings.push(`${name}: condition AND with commits can never hold when scanning files, so this allowlist allows nothing`);
      return;
    }
    if (and && paths.length > 0 && (byRegex || byStopword)) {
      warnings.push(`${name}: condition AND joining paths with regexes or stopwords is not supported, so this allowlist allows nothing`);
      return;
    }
    if (and && byRegex && byStopword) compiled.content.push((parts) => byRegex(parts) && byStopword(parts));
    else for (const test of [byRegex, byStopword]) if (test) compiled.content.push(test);
    compiled.paths.push(...paths);
  });
  return compiled;
}
