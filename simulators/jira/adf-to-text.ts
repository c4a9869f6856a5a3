/** Plain text of an Atlassian Document Format node, one line per block, for printing Jira comments. */
export function adfToText(node: unknown, depth = 0): string {
  if (typeof node !== 'object' || node === null) return '';
  const { type, text, content } = node as { type?: string; text?: string; content?: unknown[] };
  if (type === 'text') return text ?? '';
  if (type === 'hardBreak') return '\n';
  const inner = (content ?? []).map((child) => adfToText(child, type === 'bulletList' || type === 'orderedList' ? depth + 1 : depth));
  switch (type) {
    case 'doc':
      return inner.join('\n').replace(/\n{3,}/g, '\n\n').trim();
    case 'paragraph':
    case 'heading':
      return inner.join('');
    case 'listItem':
    case 'taskItem':
      return `${'  '.repeat(Math.max(0, depth - 1))}- ${inner.join('\n').trim()}`;
    default:
      return inner.join('\n');
  }
}
