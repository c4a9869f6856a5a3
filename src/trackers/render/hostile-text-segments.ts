import { type InlineSegment, joinText } from './inline-segment.js';
import type { LinkPolicy } from './link-policy.js';
import { ellipsize, plainLine } from './plain-line.js';

/** A single name, path or URL longer than this is cut: enough for any real advisory URL or package path. */
const MAX_WORD_CHARS = 200;

const OPENING = new Set(['(', '[', '{', '<', '"', "'"]);
const CLOSING = new Set([')', ']', '}', '>', '"', "'", '.', ',', ';', ':', '!', '?']);

/** Schemes that are links without `//` (linkifiers pick up `mailto:`; browsers run `javascript:`). */
const OPAQUE_SCHEME = /^(?:mailto|javascript|vbscript|data|file|tel):/i;

/**
 * What a renderer could turn into a link or a mention on its own: an address with `@` (e-mail, a
 * `@user`, `user@host`), `www.` (a GFM autolink), or a dotted host name (`socket.io`, `evil.com`), which
 * linkify-it's fuzzy links (markdown-it's linkifier, on by default) link without a scheme. Code spans are
 * never linkified, so these are shown as code.
 */
const LINKABLE = /@|www\.|[\p{L}\p{N}_-]\.\p{L}{2}/iu;

/** A word split into its leading punctuation, its core, and its trailing punctuation: `(https://x.y/).` */
function splitPunctuation(word: string): [string, string, string] {
  let start = 0;
  let end = word.length;
  while (start < end && OPENING.has(word.charAt(start))) start += 1;
  while (end > start && CLOSING.has(word.charAt(end - 1))) end -= 1;
  return [word.slice(0, start), word.slice(start, end), word.slice(end)];
}

function coreSegment(core: string, links: LinkPolicy): InlineSegment {
  if (core.includes('://') || OPAQUE_SCHEME.test(core)) {
    const href = core.length <= MAX_WORD_CHARS ? links(core) : undefined;
    return href ? { kind: 'link', text: core, href } : { kind: 'code', text: ellipsize(core, MAX_WORD_CHARS) };
  }
  if (LINKABLE.test(core)) return { kind: 'code', text: ellipsize(core, MAX_WORD_CHARS) };
  return { kind: 'text', text: ellipsize(core, MAX_WORD_CHARS) };
}

/**
 * Text that came from a ticket, evidence or a report, as segments that can only read as text: one line of
 * at most `maxChars`, URLs linked only when `links` allows them and otherwise shown as code, and anything
 * a renderer might link or mention by itself shown as code too. The renderer still escapes the text.
 *
 * @example hostileTextSegments('see https://evil.example/x', links, 300)
 * // [{ kind: 'text', text: 'see ' }, { kind: 'code', text: 'https://evil.example/x' }]
 */
export function hostileTextSegments(value: string, links: LinkPolicy, maxChars: number): InlineSegment[] {
  const line = plainLine(value, maxChars);
  const segments: InlineSegment[] = [];
  line.split(' ').forEach((word, index) => {
    if (index > 0) segments.push({ kind: 'text', text: ' ' });
    const [lead, core, trail] = splitPunctuation(word);
    segments.push({ kind: 'text', text: lead }, coreSegment(core, links), { kind: 'text', text: trail });
  });
  return joinText(segments);
}
