import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';

/**
 * Markdown text of a tree, escaped by mdast-util-to-markdown (with the GFM extension, so `~~`, `www.`
 * and `https:` in text are escaped too) wherever a character could start a construct: `#` or `-` at the
 * start of a line, `[`, `<`, `*`, `_`, `!`, entities. `|` is escaped everywhere as well, so text can never
 * be read as a table row.
 */
export function mdastToMarkdown(tree: Root): string {
  return toMarkdown(tree, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    listItemIndent: 'one',
    rule: '-',
    strong: '*',
    emphasis: '_',
    unsafe: [{ character: '|', inConstruct: 'phrasing' }],
  }).trimEnd();
}
