import type { AdfNode } from '../types.js';

/** Plain text as the one-paragraph ADF document Jira stores for it. */
export function plainDoc(text: string): AdfNode {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}
