/** Allow-lists: `donegate:allow` comments and `.donegateignore` files, recorded in the report. */
export { allowedFinding } from './allowed-finding.js';
export { DONEGATE_IGNORE_FILE, IgnoreFileError, parseIgnoreFile, readIgnoreFile, type IgnoreEntry } from './donegate-ignore-file.js';
export { INLINE_ALLOW_MARKER, inlineAllowOf } from './inline-allow.js';
