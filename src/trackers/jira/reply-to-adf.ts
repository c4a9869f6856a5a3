import { commandSegments, createLinkPolicy, type LinkPolicy } from '../render/index.js';
import { paragraph, type AdfDoc } from './adf.js';
import { segmentsToAdf } from './segments-to-adf.js';

/**
 * A plain reply as ADF: one paragraph per line, `backticked` spans as inline code (how the Markdown
 * version reads on Linear), everything else as literal text — never parsed as markup, and linked only
 * where `links` allows.
 */
export function replyToAdf(reply: string, links: LinkPolicy = createLinkPolicy()): AdfDoc {
  const lines = reply.split('\n').filter((line) => line.trim() !== '');
  return { type: 'doc', version: 1, content: lines.map((line) => paragraph(segmentsToAdf(commandSegments(line, links)))) };
}
