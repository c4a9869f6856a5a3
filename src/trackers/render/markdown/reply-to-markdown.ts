import { commandSegments, createLinkPolicy, type LinkPolicy } from '../index.js';
import { mdastToMarkdown } from './mdast-to-markdown.js';
import { segmentsToMdast } from './segments-to-mdast.js';

/**
 * A plain reply as Linear Markdown: one paragraph per line, `backticked` spans as code, everything else
 * escaped as text (a reply may quote a fragment of the comment it answers), linked only where `links` allows.
 */
export function replyToMarkdown(reply: string, links: LinkPolicy = createLinkPolicy()): string {
  const lines = reply.split('\n').filter((line) => line.trim() !== '');
  return mdastToMarkdown({ type: 'root', children: lines.map((line) => ({ type: 'paragraph', children: segmentsToMdast(commandSegments(line, links)) })) });
}
