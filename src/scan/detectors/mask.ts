/** Masking helpers: each shows at most a few characters of the value. */

const stars = (count: number): string => '*'.repeat(Math.max(3, Math.min(count, 16)));

/** Keeps `head` leading and `tail` trailing characters of a token, fewer for short tokens. */
export function maskToken(value: string, head = 4, tail = 4): string {
  if (value.length >= 24) return value.slice(0, head) + stars(value.length - head - tail) + value.slice(value.length - tail);
  if (value.length >= 12) return value.slice(0, 2) + stars(value.length - 4) + value.slice(value.length - 2);
  return stars(value.length);
}

/** Replaces every digit but the last `keep` with `*`, leaving separators in place. */
export function maskDigits(value: string, keep: number): string {
  let remaining = value.replace(/\D/g, '').length - keep;
  return value.replace(/\d/g, (digit) => (remaining-- > 0 ? '*' : digit));
}

/** Shows only the first `keep` characters. */
export function maskAfter(value: string, keep: number): string {
  return value.slice(0, keep) + stars(value.length - keep);
}
