import { RE2JS } from 're2js';
import { CUSTOM_RULE_LIMITS } from './custom-rule-limits.js';

/**
 * Compiles a Go (RE2) regex with re2js, or returns why it cannot be used: a syntax error (lookarounds and
 * backreferences are not RE2), or a program too large to run over every line at a bounded cost.
 */
export function compileRe2(source: string, flags = 0): RE2JS | string {
  let program: RE2JS;
  try {
    program = RE2JS.compile(source, flags);
  } catch (error) {
    return (error as Error).message;
  }
  const size = program.matcher('').programSize();
  if (size > CUSTOM_RULE_LIMITS.programSize) return `it compiles to ${size} RE2 instructions, more than the ${CUSTOM_RULE_LIMITS.programSize} allowed`;
  return program;
}
