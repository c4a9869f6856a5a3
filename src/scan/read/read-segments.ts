import { createUtf8Chunks } from './utf8-chunks.js';

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
  /** The chunks start inside a file (a pool's byte range), so a leading U+FEFF is text, not a byte order mark. */
  midFile?: boolean;
}

/** Most bytes decoded into one string (see `readSegmentBatches`). */
const DECODE_PIECE = 1 << 16;

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
 * One input chunk's worth of lines. Most batches are whole lines only, described by `texts` and `firstLine`
 * without a `TextSegment` object per line (the scan loop makes one only for a line with findings); a batch
 * with a piece of an over-long line carries its `segments` too.
 */
export interface SegmentBatch {
  /** Every segment's text, in order. */
  texts: string[];
  /** Line number of `texts[0]`; with no `segments`, `texts[i]` is line `firstLine + i`, whole. */
  firstLine: number;
  /** The segments, when some are not whole lines (see `segmentsOf`). */
  segments: TextSegment[] | undefined;
  /**
   * The texts joined by `\n`, when that is a piece of the decoded text as read (whole lines ending
   * in `\n` alone): a slice, not a copy, so the detectors need not join the lines again. Else undefined.
   */
  joined: string | undefined;
}

/** The batch's text at `index` as a segment. */
export function segmentAt(batch: SegmentBatch, index: number): TextSegment {
  const given = batch.segments?.[index];
  if (given) return given;
  const text = batch.texts[index] ?? '';
  return { text, line: batch.firstLine + index, column: 0, reportFrom: 0, reportTo: text.length };
}

/** Every segment of a batch. */
export const segmentsOf = (batch: SegmentBatch): TextSegment[] => batch.segments ?? batch.texts.map((_, index) => segmentAt(batch, index));

/**
 * Decodes UTF-8 chunks and yields batches of lines (without `\n` or `\r\n`), cutting over-long lines into overlapping
 * segments. Memory is bounded by `maxLineLength` plus one input chunk whatever the input.
 */
export async function* readSegments(chunks: AsyncIterable<Buffer>, options: SegmentOptions = {}): AsyncGenerator<TextSegment[]> {
  for await (const batch of readSegmentBatches(chunks, options)) yield segmentsOf(batch);
}

/** `readSegments`, with each batch's text as read where the lines can be handed on without joining them again. */
export async function* readSegmentBatches(chunks: AsyncIterable<Buffer>, options: SegmentOptions = {}): AsyncGenerator<SegmentBatch> {
  const maxLineLength = options.maxLineLength ?? 1 << 20;
  const overlap = Math.min(options.overlap ?? 1 << 14, maxLineLength >> 1);
  const half = overlap >> 1;
  const decoder = createUtf8Chunks({ keepByteOrderMark: options.midFile === true });
  let pending = '';
  let line = 1;
  let column = 0;
  let continued = false;

  // One array per input chunk: an await per line would cost more than scanning it. Whole lines get no
  // segment object; only a continued line's end and over-long pieces do, and then the batch lists them all.
  function drain(final: boolean): SegmentBatch {
    const texts: string[] = [];
    const firstLine = line;
    const special: TextSegment[] = [];
    const whole = pending;
    const continuedAtStart = continued;
    // Whole lines from the start of `whole`, none ending in `\r`, make `joined` a slice of it.
    let simple = !continued;
    let from = 0;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n', from)) {
      const end = newline > from && pending.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      if (end !== newline) simple = false;
      const text = pending.slice(from, end);
      if (continued) special.push({ text, line, column, reportFrom: half, reportTo: text.length });
      texts.push(text);
      line++;
      column = 0;
      continued = false;
      from = newline + 1;
    }
    const joinedEnd = from - 1;
    pending = from === 0 ? pending : pending.slice(from);
    const wholeLines = texts.length;
    while (pending.length > maxLineLength) {
      let next = maxLineLength - overlap;
      if (isLowSurrogate(pending, next)) next--;
      const text = pending.slice(0, next + overlap);
      special.push({ text, line, column, reportFrom: continued ? half : 0, reportTo: next + half });
      texts.push(text);
      column += codePointLength(pending.slice(0, next));
      continued = true;
      pending = pending.slice(next);
    }
    if (final && (pending.length > 0 || continued)) {
      special.push({ text: pending, line, column, reportFrom: continued ? half : 0, reportTo: pending.length });
      texts.push(pending);
      pending = '';
    }
    const batch: SegmentBatch = { texts, firstLine, segments: undefined, joined: undefined };
    if (special.length === 0) {
      if (simple && wholeLines > 0) batch.joined = whole.slice(0, joinedEnd);
      return batch;
    }
    // A continued line's end comes first, long pieces last; the whole lines between are plain.
    const head = continuedAtStart && wholeLines > 0 ? 1 : 0;
    const plain = (index: number): TextSegment => ({ text: texts[index] ?? '', line: firstLine + index, column: 0, reportFrom: 0, reportTo: (texts[index] ?? '').length });
    batch.segments = [...special.slice(0, head), ...Array.from({ length: wholeLines - head }, (_, index) => plain(index + head)), ...special.slice(head)];
    return batch;
  }

  // Bytes are cut after their last `\n` and only whole lines decoded, so `pending` starts empty and each batch
  // is one flat string (appending to a string makes a rope that every `indexOf` then walks slowly). A line
  // longer than `maxLineLength` bytes is decoded as it comes, as before, and cut into segments.
  let carry: Buffer | undefined;
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (pending.length > 0) {
      const newline = chunk.indexOf(10);
      pending += decoder.decode(newline === -1 ? chunk : chunk.subarray(0, newline + 1));
      yield drain(false);
      if (newline === -1) continue;
      bytes = chunk.subarray(newline + 1);
    } else if (carry !== undefined) {
      bytes = Buffer.concat([carry, chunk]);
    }
    carry = undefined;
    const last = bytes.lastIndexOf(10);
    for (let start = 0; start <= last; ) {
      // Pieces of at most 64 KiB where lines allow: V8 puts larger strings in its large-object space, and
      // decoding into them measured ~200 MB/s against several GB/s for smaller ones.
      let end = start + DECODE_PIECE > last ? last + 1 : bytes.lastIndexOf(10, start + DECODE_PIECE - 1) + 1;
      if (end <= start) end = bytes.indexOf(10, start) + 1;
      pending = decoder.decode(bytes.subarray(start, end));
      yield drain(false);
      start = end;
    }
    const rest = bytes.subarray(last + 1);
    if (rest.length > maxLineLength) {
      pending = decoder.decode(rest);
      yield drain(false);
    } else if (rest.length > 0) {
      carry = Buffer.from(rest);
    }
  }
  if (carry !== undefined) pending += decoder.decode(carry);
  pending += decoder.end();
  yield drain(true);
}
