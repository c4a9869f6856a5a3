/**
 * One piece of a line handed to the detectors. Normally the whole line; a line longer than the limit comes
 * as overlapping segments so memory stays bounded, and a match is reported only by the segment that owns
 * its start (`reportFrom` ≤ start < `reportTo`), so nothing is found twice or cut at a boundary.
 */
export interface TextSegment {
  text: string;
  /** 1-based line number. */
  line: number;
  /** Code points of the line before `text` starts. */
  column: number;
  reportFrom: number;
  reportTo: number;
}

export interface SegmentOptions {
  /** Longest segment in UTF-16 units; default 1 MiB. */
  maxLineLength?: number;
  /** Characters shared by consecutive segments of one long line; the longest value found across a cut is half of it. */
  overlap?: number;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Code points in `text`: UTF-16 units minus one per surrogate pair. */
export function codePointLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

const isLowSurrogate = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
};

/**
 * Decodes UTF-8 chunks and yields batches of lines (without `\n` or `\r\n`), cutting over-long lines into overlapping
 * segments. Memory is bounded by `maxLineLength` plus one input chunk whatever the input.
 */
export async function* readSegments(chunks: AsyncIterable<Buffer>, options: SegmentOptions = {}): AsyncGenerator<TextSegment[]> {
  const maxLineLength = options.maxLineLength ?? 1 << 20;
  const overlap = Math.min(options.overlap ?? 1 << 14, maxLineLength >> 1);
  const half = overlap >> 1;
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let line = 1;
  let column = 0;
  let continued = false;

  // One array per input chunk: an await per line would cost more than scanning it.
  function drain(final: boolean): TextSegment[] {
    const segments: TextSegment[] = [];
    let from = 0;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n', from)) {
      const end = newline > from && pending.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      const text = pending.slice(from, end);
      segments.push({ text, line, column, reportFrom: continued ? half : 0, reportTo: text.length });
      line++;
      column = 0;
      continued = false;
      from = newline + 1;
    }
    pending = from === 0 ? pending : pending.slice(from);
    while (pending.length > maxLineLength) {
      let next = maxLineLength - overlap;
      if (isLowSurrogate(pending, next)) next--;
      const text = pending.slice(0, next + overlap);
      segments.push({ text, line, column, reportFrom: continued ? half : 0, reportTo: next + half });
      column += codePointLength(pending.slice(0, next));
      continued = true;
      pending = pending.slice(next);
    }
    if (final && (pending.length > 0 || continued)) {
      segments.push({ text: pending, line, column, reportFrom: continued ? half : 0, reportTo: pending.length });
      pending = '';
    }
    return segments;
  }

  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    yield drain(false);
  }
  pending += decoder.decode();
  yield drain(true);
}
