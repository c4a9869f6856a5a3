/** A value of a record with the path of keys that leads to it. */
export interface FlatValue {
  path: string;
  text: string;
}

export interface FlattenLimits {
  /** Deeper levels keep the path at this depth, ending in `…`. */
  maxDepth: number;
  /** Most characters of one key kept in a path. */
  maxKeyLength: number;
}

export const DEFAULT_FLATTEN_LIMITS: FlattenLimits = { maxDepth: 32, maxKeyLength: 64 };

/** A leaf as text: strings as they are, numbers and big integers in decimal, dates in ISO form, bytes as UTF-8. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  return undefined;
}

/**
 * The leaves of a parsed record (JSON, a Parquet row) with dotted key paths: `{user: {contact: {email}}}`
 * gives `user.contact.email`, and list items share their list's path with `[]` (`tags[]`,
 * `orders[].address.city`), so every row's values of one field fall in one column. Walks with an explicit
 * stack, never recursion, so a hostile nesting depth cannot overflow the call stack; booleans and nulls
 * are left out. Leaves come in document order.
 */
export function flattenRecord(record: unknown, limits: FlattenLimits = DEFAULT_FLATTEN_LIMITS): FlatValue[] {
  const out: FlatValue[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: record, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    const text = textOf(value);
    if (text !== undefined) {
      out.push({ path, text });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const deeper = depth >= limits.maxDepth;
    const children: Array<{ value: unknown; path: string; depth: number }> = [];
    if (Array.isArray(value)) {
      const itemPath = deeper ? path : `${path}[]`;
      for (const item of value) children.push({ value: item, path: itemPath, depth: depth + 1 });
    } else {
      for (const [key, item] of Object.entries(value)) {
        const name = key.length > limits.maxKeyLength ? `${key.slice(0, limits.maxKeyLength)}…` : key;
        const childPath = deeper ? (path.endsWith('…') ? path : `${path}.…`) : path === '' ? name : `${path}.${name}`;
        children.push({ value: item, path: childPath, depth: depth + 1 });
      }
    }
    // Pushed in reverse, so they come off the stack in document order.
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return out;
}
