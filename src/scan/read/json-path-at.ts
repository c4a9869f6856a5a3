/** Deeper levels are left out of a path, which then ends in `…` (as `flattenRecord` does). */
const MAX_DEPTH = 32;
/** Most characters of one key kept in a path. */
const MAX_KEY = 64;
/** Frames kept; deeper nesting is only counted, so a line of `[[[[…` holds no more than this. */
const MAX_FRAMES = 256;

const STRUCTURAL = /["{}[\],:]/g;

interface Frame {
  array: boolean;
  /** The key whose value is being read, in an object. */
  key: string | undefined;
  /** In an object, true between `{`/`,` and the `:` that ends a key. */
  inKey: boolean;
}

/** Index of the quote that closes the string opened at `open`, or -1. */
function stringEnd(text: string, open: number): number {
  for (let at = text.indexOf('"', open + 1); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

function keyText(raw: string): string {
  let key = raw;
  if (raw.includes('\\')) {
    try {
      key = JSON.parse(`"${raw}"`) as string;
    } catch {
      key = raw;
    }
  }
  return key.length > MAX_KEY ? `${key.slice(0, MAX_KEY)}…` : key;
}

function pathOf(stack: readonly Frame[]): string {
  let path = '';
  for (const [depth, frame] of stack.entries()) {
    if (depth >= MAX_DEPTH) return `${path}.…`;
    if (frame.array) path += '[]';
    else if (frame.key !== undefined) path += path === '' ? frame.key : `.${frame.key}`;
  }
  return path;
}

/**
 * For one JSON line as written, the key path at a character index: `user.contact.email` inside
 * `{"user":{"contact":{"email":"…"}}}`, `tags[]` inside a list, as `flattenRecord` names them. The line is
 * walked once, from structural character to structural character, however many indexes are asked in
 * increasing order (an earlier index starts the walk again). Tolerant: a line that is not valid JSON
 * gives the path as far as it reads. Returns `(value)` outside any key.
 */
export function createJsonPathAt(text: string): (index: number) => string {
  let stack: Frame[] = [];
  let deeper = 0;
  let at = 0;
  return (index) => {
    if (index < at) {
      stack = [];
      deeper = 0;
      at = 0;
    }
    STRUCTURAL.lastIndex = at;
    for (let match = STRUCTURAL.exec(text); match !== null && match.index < index; match = STRUCTURAL.exec(text)) {
      const frame = deeper > 0 ? undefined : stack[stack.length - 1];
      const char = match[0];
      if (char === '"') {
        const end = stringEnd(text, match.index);
        if (end === -1 || end >= index) {
          // The index is inside this string: a value (or key) of the current frame.
          at = match.index;
          return pathOf(stack) || '(value)';
        }
        if (frame && !frame.array && frame.inKey) frame.key = keyText(text.slice(match.index + 1, end));
        STRUCTURAL.lastIndex = end + 1;
      } else if (char === '{' || char === '[') {
        if (stack.length < MAX_FRAMES) stack.push({ array: char === '[', key: undefined, inKey: char === '{' });
        else deeper++;
      } else if (char === '}' || char === ']') {
        if (deeper > 0) deeper--;
        else stack.pop();
      } else if (char === ':') {
        if (frame) frame.inKey = false;
      } else if (frame && !frame.array) {
        frame.inKey = true;
        frame.key = undefined;
      }
      at = STRUCTURAL.lastIndex;
    }
    return pathOf(stack) || '(value)';
  };
}
