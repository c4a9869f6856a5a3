import type { BlockContent, ListItem, PhrasingContent } from 'mdast';
import { COMMENT_MARKER, type CriterionResult, type VerdictComment } from '../../../domain/index.js';
import { commandSegments, createLinkPolicy, FIELD_LIMITS, fixSegments, type LinkPolicy } from '../index.js';
import { mdastToMarkdown } from './mdast-to-markdown.js';
import { segmentsToMdast } from './segments-to-mdast.js';

/**
 * Renders donegate's one comment in Markdown (Linear's, GitHub's). The heading carries COMMENT_MARKER, which (with
 * the author) is how the comment is found again and edited in place. The structure is built as a Markdown
 * tree and serialised, so the words inside — from tickets and reports — are escaped as text, each on one
 * line, and only URLs `links` allows become links (see commandSegments).
 */
export function verdictToMarkdown(comment: VerdictComment, links: LinkPolicy = createLinkPolicy()): string {
  const inline = (value: string, maxChars: number) => segmentsToMdast(commandSegments(value, links, maxChars));
  const headline = inline(comment.headline, FIELD_LIMITS.headline);
  const children: BlockContent[] = [
    { type: 'heading', depth: 3, children: [{ type: 'text', value: `${statusIcon(comment.status === 'pass', comment.mode)} ${COMMENT_MARKER}` }] },
    // An empty `****` line would read as a thematic break.
    ...(headline.length > 0 ? [{ type: 'paragraph' as const, children: [{ type: 'strong' as const, children: headline }] }] : []),
  ];
  if (comment.criteria.length > 0) children.push(tightList(comment.criteria.map((result) => criterionItem(result, comment.mode, links))));
  const notes = comment.notes.filter((note) => note.trim() !== '');
  if (notes.length > 0) {
    children.push({ type: 'blockquote', children: notes.map((note) => ({ type: 'paragraph', children: inline(note, FIELD_LIMITS.note) })) });
  }
  children.push({ type: 'thematicBreak' }, {
    type: 'paragraph',
    children: [{ type: 'html', value: '<sub>' }, ...inline(comment.footer, FIELD_LIMITS.footer), { type: 'html', value: '</sub>' }],
  });
  return mdastToMarkdown({ type: 'root', children });
}

function criterionItem(result: CriterionResult, mode: VerdictComment['mode'], links: LinkPolicy): ListItem {
  const reason = result.reason.trim() ? [{ type: 'text' as const, value: ' — ' }, ...segmentsToMdast(commandSegments(result.reason, links, FIELD_LIMITS.reason))] : [];
  const head: PhrasingContent[] = [{ type: 'text', value: `${statusIcon(result.status === 'pass', mode)} ` }, { type: 'inlineCode', value: result.criterion }, ...reason];
  const below: ListItem[] = [];
  if (result.status !== 'pass' && result.fix) below.push(item([{ type: 'text', value: 'Fix: ' }, ...segmentsToMdast(fixSegments(result.fix, links))]));
  for (const detail of result.details ?? []) {
    if (detail.trim() !== '') below.push(item(segmentsToMdast(commandSegments(detail, links, FIELD_LIMITS.detail))));
  }
  const own = item(head);
  if (below.length > 0) own.children.push(tightList(below));
  return own;
}

function item(children: PhrasingContent[]): ListItem {
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] };
}

function tightList(items: ListItem[]): BlockContent {
  return { type: 'list', ordered: false, spread: false, children: items };
}

/** ❌ blocks the move; in warn mode a failure is shown as ⚠️ because the ticket stays Done. */
function statusIcon(passed: boolean, mode: VerdictComment['mode']): string {
  if (passed) return '✅';
  return mode === 'warn' ? '⚠️' : '❌';
}
