import type { PhrasingContent } from 'mdast';
import type { InlineSegment } from '../index.js';

/**
 * Segments as Markdown inline nodes, for toMarkdown to escape. A backtick inside code can only have come
 * from hostile text (donegate's own commands are split on backticks); it is shown as ˋ (U+02CB) so the
 * code span closes where donegate means it to, whichever Markdown dialect reads it.
 */
export function segmentsToMdast(segments: readonly InlineSegment[]): PhrasingContent[] {
  return segments.map((segment): PhrasingContent => {
    if (segment.kind === 'code') return { type: 'inlineCode', value: segment.text.replaceAll('`', 'ˋ') };
    if (segment.kind === 'link') return { type: 'link', url: segment.href, children: [{ type: 'text', value: segment.text }] };
    return { type: 'text', value: segment.text };
  });
}
