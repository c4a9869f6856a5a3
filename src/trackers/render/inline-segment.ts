/**
 * A piece of one rendered line, in words both renderers understand: plain text (escaped by the
 * renderer), code (shown literally, never linked), or a link whose href a LinkPolicy allowed.
 */
export type InlineSegment = { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'link'; text: string; href: string };

/** Adjacent text pieces joined, empty ones dropped: fewer nodes, and ADF refuses empty text. */
export function joinText(segments: readonly InlineSegment[]): InlineSegment[] {
  const joined: InlineSegment[] = [];
  for (const segment of segments) {
    if (segment.text === '') continue;
    const last = joined.at(-1);
    if (segment.kind === 'text' && last?.kind === 'text') joined[joined.length - 1] = { kind: 'text', text: last.text + segment.text };
    else joined.push(segment);
  }
  return joined;
}
