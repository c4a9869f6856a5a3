import type { AdfNode } from './types.js';

const INLINE = new Set(['text', 'hardBreak', 'emoji', 'mention', 'inlineCard', 'date', 'status']);
const LIST_ITEM_CHILDREN = new Set(['paragraph', 'bulletList', 'orderedList', 'codeBlock']);
const PANEL_CHILDREN = new Set(['paragraph', 'heading', 'bulletList', 'orderedList']);
const TOP_LEVEL = new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'codeBlock', 'blockquote', 'panel', 'rule']);
const MARKS = new Set(['code', 'em', 'link', 'strike', 'strong', 'subsup', 'textColor', 'underline']);
const PANEL_TYPES = new Set(['info', 'note', 'warning', 'success', 'error']);

/**
 * Structural checks from the Atlassian Document Format schema
 * (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/): the subset of nodes
 * and marks donegate and people write. Jira refuses documents that break these rules with `INVALID_INPUT`.
 */
export function validateAdf(value: unknown): string[] {
  const problems: string[] = [];
  if (!isNode(value) || value.type !== 'doc') return ['body must be an ADF document with type "doc"'];
  if (value.version !== 1) problems.push('doc.version must be 1');
  checkChildren(value, TOP_LEVEL, 'doc', problems, 0);
  return problems;
}

function isNode(value: unknown): value is AdfNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function checkChildren(node: AdfNode, allowed: Set<string>, path: string, problems: string[], min: number): void {
  const content: unknown = node.content;
  if (content === undefined && min === 0) return;
  if (!Array.isArray(content)) {
    problems.push(`${path}.content must be an array`);
    return;
  }
  if (content.length < min) problems.push(`${path}.content needs at least ${min} node(s)`);
  content.forEach((child: unknown, i) => {
    const where = `${path}.content[${i}]`;
    if (!isNode(child)) problems.push(`${where} is not an ADF node`);
    else if (!allowed.has(child.type)) problems.push(`${where}: '${child.type}' is not allowed inside '${node.type}'`);
    else checkNode(child, where, problems);
  });
}

function checkNode(node: AdfNode, path: string, problems: string[]): void {
  switch (node.type) {
    case 'paragraph':
      return checkChildren(node, INLINE, path, problems, 0);
    case 'heading': {
      const level = node.attrs?.level;
      if (typeof level !== 'number' || level < 1 || level > 6) problems.push(`${path}.attrs.level must be 1–6`);
      return checkChildren(node, INLINE, path, problems, 0);
    }
    case 'bulletList':
    case 'orderedList':
      return checkChildren(node, new Set(['listItem']), path, problems, 1);
    case 'listItem': {
      checkChildren(node, LIST_ITEM_CHILDREN, path, problems, 1);
      const first = node.content?.[0];
      if (first && (first.type === 'bulletList' || first.type === 'orderedList')) {
        problems.push(`${path}: a listItem must start with a paragraph or codeBlock`);
      }
      return;
    }
    case 'codeBlock':
      checkChildren(node, new Set(['text']), path, problems, 0);
      if (node.content?.some((t) => t.marks && t.marks.length > 0)) problems.push(`${path}: codeBlock text takes no marks`);
      return;
    case 'blockquote':
      return checkChildren(node, new Set(['paragraph', 'bulletList', 'orderedList', 'codeBlock']), path, problems, 1);
    case 'panel':
      if (!PANEL_TYPES.has(String(node.attrs?.panelType))) problems.push(`${path}.attrs.panelType is invalid`);
      return checkChildren(node, PANEL_CHILDREN, path, problems, 1);
    case 'text':
      return checkText(node, path, problems);
    case 'emoji':
      if (typeof node.attrs?.shortName !== 'string') problems.push(`${path}.attrs.shortName is required`);
      return;
    default:
      return;
  }
}

function checkText(node: AdfNode, path: string, problems: string[]): void {
  if (typeof node.text !== 'string' || node.text.length === 0) problems.push(`${path}.text must be a non-empty string`);
  const marks = node.marks ?? [];
  const types = marks.map((m) => m.type);
  for (const mark of marks) {
    if (!MARKS.has(mark.type)) problems.push(`${path}: unknown mark '${mark.type}'`);
    if (mark.type === 'link' && typeof mark.attrs?.href !== 'string') problems.push(`${path}: link mark needs attrs.href`);
  }
  if (new Set(types).size !== types.length) problems.push(`${path}: a mark appears twice`);
  if (types.includes('code') && types.some((t) => t !== 'code' && t !== 'link')) {
    problems.push(`${path}: the code mark combines only with link`);
  }
}
