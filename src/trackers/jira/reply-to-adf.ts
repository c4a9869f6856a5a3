import { paragraph, text, type AdfDoc, type AdfNode } from './adf.js';

/**
 * A plain reply as ADF: one paragraph per line, `backticked` spans as inline code (how the Markdown
 * version reads on Linear), everything else as literal text — never parsed as markup.
 */
export function replyToAdf(reply: string): AdfDoc {
  const lines = reply.split('\n').filter((line) => line.trim() !== '');
  return { type: 'doc', version: 1, content: lines.map((line) => paragraph(...codeSpans(line))) };
}

function codeSpans(line: string): AdfNode[][] {
  return line.split('`').map((part, index) => (index % 2 === 1 ? text(part, { type: 'code' }) : text(part)));
}
