import { hostileTextSegments } from './hostile-text-segments.js';
import { type InlineSegment, joinText } from './inline-segment.js';
import type { LinkPolicy } from './link-policy.js';
import { plainLine } from './plain-line.js';

/** A fix or a reply line is longer than a reason: it carries a whole command to copy. */
const MAX_COMMAND_LINE_CHARS = 1000;

/** Reads like a command line to copy: a lowercase program name and arguments, not a sentence ending in `.`, `!` or `?`. */
const COMMAND_LINE = /^[a-z$.][\w./-]*(?:\s|$)/;
const SENTENCE_END = /[.!?]$/;

/**
 * Prose with `backticked` spans, as donegate writes its reasons, fixes and replies (a command to copy, a
 * token name): the backticked spans are code, the rest is escaped like any other text, since the prose
 * carries ticket keys, package names and fragments of comments. Hostile backticks can only turn more of
 * the line into code, which is as inert as text.
 *
 * @example commandSegments('run `npm audit --json`, then submit it', links, 500)
 */
export function commandSegments(value: string, links: LinkPolicy, maxChars = MAX_COMMAND_LINE_CHARS): InlineSegment[] {
  const line = plainLine(value, maxChars);
  return joinText(line.split('`').flatMap<InlineSegment>((part, index) => (index % 2 === 1 ? [{ kind: 'code', text: part }] : proseSegments(part, links, maxChars))));
}

/** Prose between two commands keeps the single space on each side that plainLine would trim. */
function proseSegments(part: string, links: LinkPolicy, maxChars: number): InlineSegment[] {
  const space = (present: boolean): InlineSegment => ({ kind: 'text', text: present ? ' ' : '' });
  return [space(part.startsWith(' ')), ...hostileTextSegments(part, links, maxChars), space(part.length > 1 && part.endsWith(' '))];
}

/**
 * A criterion's fix: prose with backticked commands, a link, or a bare command line, which is shown as
 * code to copy.
 */
export function fixSegments(fix: string, links: LinkPolicy): InlineSegment[] {
  const line = plainLine(fix, MAX_COMMAND_LINE_CHARS);
  if (!line.includes('`') && COMMAND_LINE.test(line) && !SENTENCE_END.test(line)) {
    return [{ kind: 'code', text: line }];
  }
  return commandSegments(line, links);
}
