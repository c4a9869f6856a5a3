import type { InlineSegment } from '../render/index.js';
import { text, type AdfMark, type AdfNode } from './adf.js';

/**
 * Segments as ADF text nodes: text stays literal, code gets the code mark, an allowed link the link mark.
 * `emphasis` (strong, em) goes on text and links; ADF lets the code mark combine with nothing but a link.
 */
export function segmentsToAdf(segments: readonly InlineSegment[], emphasis?: AdfMark): AdfNode[] {
  const extra = emphasis ? [emphasis] : [];
  return segments.flatMap((segment) => {
    if (segment.kind === 'code') return text(segment.text, { type: 'code' });
    if (segment.kind === 'link') return text(segment.text, { type: 'link', attrs: { href: segment.href } }, ...extra);
    return text(segment.text, ...extra);
  });
}
