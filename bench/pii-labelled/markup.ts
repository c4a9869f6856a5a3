import type { Sample } from '../scan-accuracy.js';

/**
 * Turns a line written with labelled spans, `Call [[PHONE_NUMBER:+44 20 7946 0958]] today`, into a sample:
 * the text without the brackets and one entity per span, offsets in UTF-16 units as presidio's are.
 */
const OPEN = /\[\[(?=[A-Z_]+:)/;

export function fromMarkup(id: number, line: string): Sample {
  const entities: Sample['entities'] = [];
  let text = '';
  let rest = line;
  // `[[` before a type name: a bracket in the text may come first (`[[[IP_ADDRESS:::1]]]:8080`).
  for (let open = rest.search(OPEN); open !== -1; open = rest.search(OPEN)) {
    const colon = rest.indexOf(':', open);
    // The value ends at the last `]]` before the next span (an IPv6 value may itself end in `]`: never here).
    const close = rest.indexOf(']]', colon);
    if (close === -1) throw new Error(`bad markup in line ${id}: ${line}`);
    text += rest.slice(0, open);
    const value = rest.slice(colon + 1, close);
    entities.push({ type: rest.slice(open + 2, colon), start: text.length, end: text.length + value.length, value });
    text += value;
    rest = rest.slice(close + 2);
  }
  return { id, text: text + rest, entities };
}

/** `[[TYPE:value]]`, for generated lines. */
export const label = (type: string, value: string): string => `[[${type}:${value}]]`;
