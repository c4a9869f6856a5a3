import { printable } from './printable.js';

/** The marker that allows every finding on its line, e.g. `key = "…"  # donegate:allow reason="test fixture"`. */
export const INLINE_ALLOW_MARKER = 'donegate:allow';

// Bounded and free of nested quantifiers: linear on any line.
const REASON = /^\s+reason=(?:"([^"\n]{1,200})"|'([^'\n]{1,200})')/;

/**
 * The inline allow on a line, if any, with its reason. A reason that repeats a value found on the line is
 * dropped, so an allow cannot carry the value it hides into the report.
 */
export function inlineAllowOf(line: string, matches: ReadonlyArray<{ value: string }>): { reason?: string } | undefined {
  const at = line.indexOf(INLINE_ALLOW_MARKER);
  if (at === -1) return undefined;
  const match = REASON.exec(line.slice(at + INLINE_ALLOW_MARKER.length, at + INLINE_ALLOW_MARKER.length + 220));
  const reason = match?.[1] ?? match?.[2];
  if (reason === undefined || matches.some(({ value }) => value.length > 0 && reason.includes(value))) return {};
  return { reason: printable(reason) };
}
