import { COMMENT_MARKER, type CriterionResult, type VerdictComment } from '../../gate/verdict.js';

/**
 * Renders donegate's one comment in Linear's Markdown. The heading carries COMMENT_MARKER, which (with
 * the author) is how the comment is found again and edited in place.
 */
export function verdictToMarkdown(comment: VerdictComment): string {
  const lines = [`### ${statusIcon(comment.status === 'pass', comment.mode)} ${COMMENT_MARKER}`, '', `**${comment.headline}**`, ''];
  for (const result of comment.criteria) lines.push(...criterionLines(result, comment.mode));
  if (comment.notes.length) {
    lines.push('');
    for (const note of comment.notes) lines.push(`> ${note}`);
  }
  lines.push('', '---', `<sub>${comment.footer}</sub>`);
  return lines.join('\n');
}

function criterionLines(result: CriterionResult, mode: VerdictComment['mode']): string[] {
  const lines = [`- ${statusIcon(result.status === 'pass', mode)} \`${result.criterion}\` — ${result.reason}`];
  if (result.status !== 'pass' && result.fix) lines.push(`  - Fix: ${asCode(result.fix)}`);
  for (const detail of result.details ?? []) lines.push(`  - ${detail}`);
  return lines;
}

/** ❌ blocks the move; in warn mode a failure is shown as ⚠️ because the ticket stays Done. */
function statusIcon(passed: boolean, mode: VerdictComment['mode']): string {
  if (passed) return '✅';
  return mode === 'warn' ? '⚠️' : '❌';
}

/** Criteria already put their commands in backticks; a fix that is a bare donegate command gets them here. */
function asCode(fix: string): string {
  return !fix.includes('`') && /^donegate\s/.test(fix) ? `\`${fix}\`` : fix;
}
