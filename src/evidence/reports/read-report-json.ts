/**
 * Bytes → text → JSON value, with the odd inputs an upload API sees named rather than thrown as
 * SyntaxError: empty files, whitespace, byte-order marks (PowerShell's `Out-File` writes UTF-16LE with a
 * BOM; Windows tools often prefix UTF-8 with one).
 */
export type JsonReadResult = { ok: true; value: unknown } | { ok: false; reason: string };

export function decodeReportText(bytes: Buffer | string): string {
  if (typeof bytes === 'string') return bytes.charCodeAt(0) === 0xfeff ? bytes.slice(1) : bytes;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return bytes.subarray(3).toString('utf8');
  }
  return bytes.toString('utf8');
}

export function readReportJson(bytes: Buffer | string): JsonReadResult {
  const text = decodeReportText(bytes);
  if (text.length === 0) return { ok: false, reason: 'the file is empty (0 bytes)' };
  if (text.trim().length === 0) return { ok: false, reason: 'the file holds only whitespace' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const lines = readJsonLines(text);
    if (lines) return { ok: true, value: lines };
    const detail = error instanceof Error ? error.message : String(error);
    const start = text.trimStart().slice(0, 1);
    const hint = start === '<' ? ' (it looks like XML; send the JSON output)' : '';
    return { ok: false, reason: `the file is not valid JSON${hint}: ${detail}` };
  }
}

/**
 * JSON Lines (one JSON object per line, as `yarn audit --json` writes) as an array of the objects, or
 * undefined when any non-blank line is not a JSON object: the caller then reports the JSON error.
 */
export function readJsonLines(text: string): unknown[] | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0);
  if (lines.length < 2) return undefined;
  const values: unknown[] = [];
  for (const line of lines) {
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
      values.push(value);
    } catch {
      return undefined;
    }
  }
  return values;
}
