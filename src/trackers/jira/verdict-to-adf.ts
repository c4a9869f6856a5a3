import { COMMENT_MARKER, type CriterionResult, type GateMode, type VerdictComment } from '../../gate/verdict.js';
import { paragraph, text, type AdfDoc, type AdfNode } from './adf.js';

/**
 * Renders donegate's comment as ADF: a heading with the verdict and COMMENT_MARKER (how donegate finds
 * its comment again), the headline, one list item per criterion (icon, id verbatim in code, reason, fix,
 * details), the notes, and the footer.
 */
export function verdictToAdf(comment: VerdictComment): AdfDoc {
  const content: AdfNode[] = [
    {
      type: 'heading',
      attrs: { level: 3 },
      content: text(`${verdictIcon(comment.status === 'pass', comment.mode)} ${COMMENT_MARKER}`),
    },
    paragraph(text(comment.headline, { type: 'strong' })),
  ];
  if (comment.criteria.length > 0) {
    content.push({ type: 'bulletList', content: comment.criteria.map((c) => criterionItem(c, comment.mode)) });
  }
  for (const note of comment.notes) if (note.trim()) content.push(paragraph(linkified(note)));
  if (comment.footer.trim()) content.push(paragraph(text(comment.footer, { type: 'em' })));
  return { type: 'doc', version: 1, content };
}

function verdictIcon(passed: boolean, mode: GateMode): string {
  if (passed) return '✅';
  return mode === 'warn' ? '⚠️' : '❌';
}

function criterionItem(result: CriterionResult, mode: GateMode): AdfNode {
  const item: AdfNode[] = [
    paragraph(
      text(`${verdictIcon(result.status === 'pass', mode)} `),
      text(result.criterion, { type: 'code' }),
      text(result.reason ? ` — ${result.reason}` : ''),
    ),
  ];
  if (result.fix && result.status !== 'pass') item.push(paragraph(text('Fix: ', { type: 'strong' }), fixText(result.fix)));
  const details = (result.details ?? []).filter((d) => d.trim() !== '');
  if (details.length > 0) {
    item.push({ type: 'bulletList', content: details.map((d) => ({ type: 'listItem', content: [paragraph(linkified(d))] })) });
  }
  return { type: 'listItem', content: item };
}

const URL_PATTERN = /(https?:\/\/[^\s<>"')\]]+)/;

/**
 * A fix is a command or a link. `backticks` mark commands inside prose; a bare URL becomes a link;
 * anything else that reads like a command line (no closing full stop) is shown as code to copy.
 */
function fixText(fix: string): AdfNode[] {
  if (fix.includes('`')) {
    return fix.split('`').flatMap((part, i) => (i % 2 === 1 ? text(part, { type: 'code' }) : linkified(part)));
  }
  const trimmed = fix.trim();
  if (new RegExp(`^${URL_PATTERN.source}$`).test(trimmed)) return text(trimmed, { type: 'link', attrs: { href: trimmed } });
  if (/^[a-z$.][\w./-]*(\s|$)/.test(trimmed) && !/[.!?]$/.test(trimmed)) return text(trimmed, { type: 'code' });
  return linkified(fix);
}

function linkified(value: string): AdfNode[] {
  return value
    .split(URL_PATTERN)
    .flatMap((part, i) => (i % 2 === 1 ? text(part, { type: 'link', attrs: { href: part } }) : text(part)));
}
