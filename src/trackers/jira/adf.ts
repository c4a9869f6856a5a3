/** The Atlassian Document Format nodes donegate writes and reads. */
export interface AdfMark {
  type: 'code' | 'em' | 'strong' | 'link';
  attrs?: { href: string };
}

export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, string | number>;
  marks?: AdfMark[];
  content?: AdfNode[];
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

/** A text node, or nothing: ADF refuses empty text nodes. */
export function text(value: string, ...marks: AdfMark[]): AdfNode[] {
  if (value === '') return [];
  return [marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value }];
}

export function paragraph(...content: AdfNode[][]): AdfNode {
  return { type: 'paragraph', content: content.flat() };
}

/** Plain text of any ADF value (unknown input: comment bodies come from Jira, written by anyone). */
export function adfText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const { text: value, content } = node as { text?: unknown; content?: unknown };
  const own = typeof value === 'string' ? value : '';
  return Array.isArray(content) ? own + content.map(adfText).join(' ') : own;
}
