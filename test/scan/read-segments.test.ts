import type { TextSegment } from '../../src/scan/read/read-segments.js';
import { codePointLength, readSegmentBatches, readSegments, segmentsOf as batchSegments } from '../../src/scan/read/read-segments.js';
import { seededRandom } from '../../bench/scan-generate.js';

/** The reader as it was before it cut bytes at line ends: a streaming TextDecoder and one growing string. */
function referenceSegments(chunks: Buffer[], maxLineLength: number, overlap = 1 << 14): TextSegment[] {
  const shared = Math.min(overlap, maxLineLength >> 1);
  const half = shared >> 1;
  const decoder = new TextDecoder('utf-8');
  const segments: TextSegment[] = [];
  let pending = '';
  let line = 1;
  let column = 0;
  let continued = false;
  const drain = (final: boolean): void => {
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
    pending = pending.slice(from);
    while (pending.length > maxLineLength) {
      let next = maxLineLength - shared;
      const code = pending.charCodeAt(next);
      if (code >= 0xdc00 && code <= 0xdfff) next--;
      const text = pending.slice(0, next + shared);
      segments.push({ text, line, column, reportFrom: continued ? half : 0, reportTo: next + half });
      column += codePointLength(pending.slice(0, next));
      continued = true;
      pending = pending.slice(next);
    }
    if (final && (pending.length > 0 || continued)) {
      segments.push({ text: pending, line, column, reportFrom: continued ? half : 0, reportTo: pending.length });
      pending = '';
    }
  };
  for (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    drain(false);
  }
  pending += decoder.decode();
  drain(true);
  return segments;
}

async function* fromArray(chunks: Buffer[]): AsyncGenerator<Buffer> {
  yield* chunks;
}

async function segmentsOf(chunks: Buffer[], maxLineLength: number, overlap?: number): Promise<TextSegment[]> {
  const all: TextSegment[] = [];
  for await (const batch of readSegmentBatches(fromArray(chunks), { maxLineLength, ...(overlap === undefined ? {} : { overlap }) })) {
    const segments = batchSegments(batch);
    expect(segments.map((segment) => segment.text)).toEqual(batch.texts);
    if (batch.joined !== undefined) expect(batch.joined).toBe(batch.texts.join('\n'));
    all.push(...segments);
  }
  return all;
}

/** Text with CRLF and LF lines, multi-byte and astral characters, a BOM, long lines and invalid UTF-8. */
function mixedBytes(seed: number, size: number): Buffer {
  const random = seededRandom(seed);
  const pieces = ['jane@acme.io', ' ', 'naïve ', '日本語', '😀', '4111 1111 1111 1111', '\n', '\r\n', '\r', 'x'.repeat(300), ','];
  const parts: Buffer[] = [Buffer.from('\uFEFFid,note\n')];
  let total = 0;
  while (total < size) {
    const roll = random();
    const part = roll < 0.02 ? Buffer.from([0xe2, 0x82]) : roll < 0.03 ? Buffer.from([0xf0, 0x9f]) : roll < 0.04 ? Buffer.from([0x80, 0xc0, 0xff]) : Buffer.from(pieces[Math.floor(random() * pieces.length)] ?? '');
    parts.push(part);
    total += part.length;
  }
  return Buffer.concat(parts);
}

function cut(bytes: Buffer, seed: number, largest: number): Buffer[] {
  const random = seededRandom(seed);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(random() * largest);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

describe('readSegments', () => {
  it.each([
    [1, 7, 1 << 20],
    [2, 64, 1 << 20],
    [3, 4096, 1 << 20],
    [4, 4096, 600],
    [5, 300, 200],
    [6, 50_000, 2_000],
  ])('gives the segments a streaming TextDecoder gives, whatever the chunking (seed %i, chunks ≤ %i bytes, lines ≤ %i)', async (seed, largest, maxLineLength) => {
    const bytes = mixedBytes(seed, 200_000);
    const chunks = cut(bytes, seed + 100, largest);
    expect(await segmentsOf(chunks, maxLineLength, 64)).toEqual(referenceSegments(chunks, maxLineLength, 64));
  });

  it('drops a byte order mark split across chunks, and only at the start', async () => {
    const bytes = Buffer.from('\uFEFFa\uFEFFb\nc');
    const chunks = [bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)];
    const texts: string[] = [];
    for await (const segments of readSegments(fromArray(chunks))) texts.push(...segments.map((segment) => segment.text));
    expect(texts).toEqual(['a\uFEFFb', 'c']);
  });

  it('hands on whole LF-only lines as one slice of the text read', async () => {
    const batches = [];
    for await (const batch of readSegmentBatches(fromArray([Buffer.from('a,b\nc,d\ne')]))) batches.push(batch);
    expect(batches[0]?.joined).toBe('a,b\nc,d');
  });
});
