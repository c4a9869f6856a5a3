import { readFileHead } from '../read/read-file-head.js';
import { join } from 'node:path';
import { printable } from './printable.js';

/** The file of allowed fingerprints a scan looks for in each folder it is given. */
export const DONEGATE_IGNORE_FILE = '.donegateignore';

const MAX_BYTES = 1 << 20;
/** As in waivers: a fingerprint may be named by its first 12 hex digits or more. */
const ENTRY = /^([0-9a-f]{12,64})(?:\s+by=(\S{1,200}))?\s*(?:#\s*(.{0,500}))?$/i;

/** One allowed fingerprint: who allowed it and why, as written in the file. */
export interface IgnoreEntry {
  fingerprint: string;
  reason?: string;
  by?: string;
  /** The file and line it comes from, for the report. */
  source: string;
}

/** A `.donegateignore` that cannot be read as written; the message names the file and line. */
export class IgnoreFileError extends Error {
  override name = 'IgnoreFileError';
}

/**
 * Parses a `.donegateignore`: one fingerprint a line (12 to 64 hex digits, as the report shows it), then
 * optionally `by=<who>`, then `# <reason>`. Blank lines and lines starting with `#` are comments.
 *
 * @example
 * 3f9a0c1d2e4b5a6978877665  by=alice@example.com  # revoked test key in the fixtures
 */
export function parseIgnoreFile(text: string, file: string): IgnoreEntry[] {
  const entries: IgnoreEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = ENTRY.exec(line);
    if (!match) throw new IgnoreFileError(`${file}:${index + 1}: expected a fingerprint (12 to 64 hex digits), then optionally by=<who>, then # <reason>`);
    const [, fingerprint, by, reason] = match;
    entries.push({ fingerprint: fingerprint!.toLowerCase(), source: `${file}:${index + 1}`, ...(by ? { by: printable(by) } : {}), ...(reason?.trim() ? { reason: printable(reason.trim()) } : {}) });
  });
  return entries;
}

/** Reads the `.donegateignore` in `folder`, if there is one (at most 1 MiB). */
export async function readIgnoreFile(folder: string): Promise<IgnoreEntry[]> {
  const file = join(folder, DONEGATE_IGNORE_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFileHead(file, MAX_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new IgnoreFileError(`cannot read ${file}: ${code ?? String(error)}`);
  }
  if (bytes.length > MAX_BYTES) throw new IgnoreFileError(`${file} is larger than ${MAX_BYTES} bytes`);
  return parseIgnoreFile(bytes.toString('utf8'), file);
}
