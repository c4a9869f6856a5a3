import { COMMENT_MARKER, type CriterionResult, type GateMode, type VerdictComment } from '../../domain/index.js';
import { commandSegments, createLinkPolicy, FIELD_LIMITS, fixSegments, joinText, type LinkPolicy } from '../render/index.js';
import { paragraph, text, type AdfDoc, type AdfNode } from './adf.js';
import { segmentsToAdf } from './segments-to-adf.js';

/**
 * Renders donegate's comment as ADF: a heading with the verdict and COMMENT_MARKER (how donegate finds
 * its comment again), the headline, one list item per criterion (icon, id verbatim in code, reason, fix,
 * details), the notes, and the footer. The words inside come from tickets and reports: each becomes plain
 * text on one line, and only URLs `links` allows become links (see commandSegments).
 */
export function verdictToAdf(comment: VerdictComment, links: LinkPolicy = createLinkPolicy()): AdfDoc {
  const content: AdfNode[] = [
    {
      type: 'heading',
      attrs: { level: 3 },
      content: text(`${verdictIcon(comment.status === 'pass', comment.mode)} ${COMMENT_MARKER}`),
    },
    paragraph(segmentsToAdf(commandSegments(comment.headline, links, FIELD_LIMITS.headline), { type: 'strong' })),
  ];
  if (comment.criteria.length > 0) {
    content.push({ type: 'bulletList', content: comment.criteria.map((c) => criterionItem(c, comment.mode, links)) });
  }
  for (const note of comment.notes) if (note.trim()) content.push(paragraph(segmentsToAdf(commandSegments(note, links, FIELD_LIMITS.note))));
  if (comment.footer.trim()) content.push(paragraph(segmentsToAdf(commandSegments(comment.footer, links, FIELD_LIMITS.footer), { type: 'em' })));
  return { type: 'doc', version: 1, content };
}

function verdictIcon(passed: boolean, mode: GateMode): string {
  if (passed) return '✅';
  return mode === 'warn' ? '⚠️' : '❌';
}

function criterionItem(result: CriterionResult, mode: GateMode, links: LinkPolicy): AdfNode {
  const reason = result.reason.trim() ? [{ kind: 'text' as const, text: ' — ' }, ...commandSegments(result.reason, links, FIELD_LIMITS.reason)] : [];
  const item: AdfNode[] = [
    paragraph(text(`${verdictIcon(result.status === 'pass', mode)} `), text(result.criterion, { type: 'code' }), segmentsToAdf(joinText(reason))),
  ];
  if (result.fix && result.status !== 'pass') item.push(paragraph(text('Fix: ', { type: 'strong' }), segmentsToAdf(fixSegments(result.fix, links))));
  const details = (result.details ?? []).filter((d) => d.trim() !== '');
  if (details.length > 0) {
    item.push({
      type: 'bulletList',
      content: details.map((d) => ({ type: 'listItem', content: [paragraph(segmentsToAdf(commandSegments(d, links, FIELD_LIMITS.detail)))] })),
    });
  }
  return { type: 'listItem', content: item };
}
