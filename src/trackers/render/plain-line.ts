/**
 * Anything that ends a line or changes how text is laid out without being seen: C0/C1 controls (CR, LF,
 * tab, NEL), the Unicode line and paragraph separators, and format characters (bidi embeddings, overrides
 * and isolates such as U+202E, zero-width spaces and joiners, the byte-order mark). Each of these lets
 * hostile text start a new Markdown block, or make a name or host read as something else.
 */
const LINE_BREAKS_AND_CONTROLS = /[\p{Cc}\u2028\u2029]/gu;
const INVISIBLE_FORMAT = /\p{Cf}/gu;
const WHITESPACE_RUN = /\s+/gu;

/** `value` cut to `maxChars` code points, the last one an ellipsis when anything was cut. */
export function ellipsize(value: string, maxChars: number): string {
  const chars = Array.from(value);
  return chars.length <= maxChars ? value : `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

/**
 * Hostile text as one line a reader sees as it is: line breaks and controls become spaces, invisible
 * format characters are dropped, runs of white space become one space, and the result is at most
 * `maxChars` long. Markup characters are left for each renderer to escape.
 *
 * @example plainLine('lodash\n# Approved\u202E', 80) // 'lodash # Approved'
 */
export function plainLine(value: string, maxChars: number): string {
  const flat = value.replace(INVISIBLE_FORMAT, '').replace(LINE_BREAKS_AND_CONTROLS, ' ').replace(WHITESPACE_RUN, ' ').trim();
  return ellipsize(flat, maxChars);
}
