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
  if (value.length <= maxChars) return value;
  // A code point is at most two UTF-16 units: the first maxChars of them lie within twice as many units.
  const chars = Array.from(value.slice(0, maxChars * 2 + 2));
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
  // Only the start of a value can be shown, so only the start is cleaned: the cost stays the same for a 1 MiB value.
  const head = value.length > maxChars * RAW_UNITS_PER_CHAR ? withoutSplitPair(value.slice(0, maxChars * RAW_UNITS_PER_CHAR)) : value;
  const flat = head.replace(INVISIBLE_FORMAT, '').replace(LINE_BREAKS_AND_CONTROLS, ' ').replace(WHITESPACE_RUN, ' ').trim();
  return ellipsize(head === value ? flat : `${flat}…`, maxChars);
}

/** Room for invisible characters and white space that cleaning removes before the shown characters. */
const RAW_UNITS_PER_CHAR = 8;

/** A cut can fall between the two halves of a surrogate pair; a lone high half is dropped. */
function withoutSplitPair(cut: string): string {
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
