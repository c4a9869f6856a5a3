export { mdastToMarkdown } from './mdast-to-markdown.js';
export { replyToMarkdown } from './reply-to-markdown.js';
export { segmentsToMdast } from './segments-to-mdast.js';
export { verdictToMarkdown } from './verdict-to-markdown.js';
