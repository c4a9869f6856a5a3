interface Node {
  type?: unknown;
  text?: unknown;
  attrs?: { level?: unknown; url?: unknown; href?: unknown };
  marks?: Array<{ type?: unknown; attrs?: { href?: unknown } }>;
  content?: unknown;
}

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'codeBlock', 'blockquote', 'panel', 'tableCell', 'tableHeader', 'rule']);

/** The text of inline nodes, with link targets that differ from their text written after it. */
function inlineText(node: Node): string {
  if (node.type === 'text' && typeof node.text === 'string') {
    const href = node.marks?.find((mark) => mark.type === 'link')?.attrs?.href;
    return typeof href === 'string' && href !== node.text ? `${node.text} ${href}` : node.text;
  }
  if ((node.type === 'inlineCard' || node.type === 'blockCard') && typeof node.attrs?.url === 'string') return node.attrs.url;
  if (node.type === 'hardBreak') return '\n';
  return Array.isArray(node.content) ? (node.content as Node[]).map(inlineText).join('') : '';
}

/**
 * An ADF document as lines of text: one per paragraph, list item or code line, headings as Markdown
 * (`## Artifacts`), so a section can be found by its heading as in a Markdown description.
 */
export function adfLines(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Node;
  if (n.type === 'heading') return [`${'#'.repeat(typeof n.attrs?.level === 'number' ? n.attrs.level : 1)} ${inlineText(n)}`];
  if (n.type === 'listItem') return adfLinesOf(n).map((line, i) => (i === 0 ? `- ${line}` : line));
  if (typeof n.type === 'string' && BLOCKS.has(n.type) && !hasBlockChildren(n)) return inlineText(n).split('\n');
  return adfLinesOf(n);
}

function adfLinesOf(node: Node): string[] {
  return Array.isArray(node.content) ? (node.content as unknown[]).flatMap(adfLines) : [];
}

function hasBlockChildren(node: Node): boolean {
  return Array.isArray(node.content) && (node.content as Node[]).some((child) => typeof child.type === 'string' && (BLOCKS.has(child.type) || child.type.endsWith('List')));
}
