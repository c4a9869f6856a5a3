import { readFile } from 'node:fs/promises';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { z } from 'zod';
import type { FingerprintKey } from '../scan/fingerprint.js';
import type { ScanFinding } from '../scan/scan-types.js';

/** What `--write-baseline` puts in `reason`: a baseline is refused until every one is replaced. */
export const REASON_PLACEHOLDER = 'TODO: why is this finding acceptable?';

const entrySchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/i, 'a 64-hex-digit finding fingerprint'),
  reason: z.string().trim().min(1, 'a reason is required'),
  // Written for the reader's sake; never used for matching.
  detector: z.string().optional(),
  file: z.string().optional(),
  masked: z.string().optional(),
  // A dataset column's finding is accepted for the whole column: which one, for the reader.
  column: z.string().optional(),
});
/** Version 2: keyed fingerprints, and the id of the key that made them. */
const baselineSchema = z.object({ version: z.literal(2), fingerprintKey: z.string().regex(/^[0-9a-f]{16}$/, 'the 16-hex-digit id of a fingerprint key'), findings: z.array(entrySchema) });

/** Version 1 (or a bare list): written when fingerprints were unkeyed sha256, which no scan produces any more. */
const isUnkeyedBaseline = (document: unknown): boolean =>
  Array.isArray(document) || (typeof document === 'object' && document !== null && 'findings' in document && (!('version' in document) || document.version === 1));

export type BaselineEntry = z.infer<typeof entrySchema>;

/** The baseline file cannot be used: unreadable, malformed, or with reasons still to write. Exit 2. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

/**
 * Read a baseline (JSON or YAML: `{version: 2, fingerprintKey, findings: [{fingerprint, reason}]}`) written
 * under `key`. One written under another key, or an unkeyed version 1 one, would silently match nothing,
 * so it is refused with what to do.
 */
export function parseBaseline(text: string, file: string, key: FingerprintKey): BaselineEntry[] {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new BaselineError(`${file} is neither JSON nor YAML: ${(error as Error).message}`);
  }
  if (isUnkeyedBaseline(document)) {
    throw new BaselineError(
      `${file} is a version 1 baseline: its fingerprints are unkeyed sha256, which this donegate no longer writes, so it would match nothing. ` +
        `Write a new one with --write-baseline (DONEGATE_FINGERPRINT_KEY set as in CI) and copy each reason across by detector, file and masked value`,
    );
  }
  const parsed = baselineSchema.safeParse(document ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BaselineError(`${file}: ${issue.path.join('.') || 'the document'}: ${issue.message} (expected {version: 2, fingerprintKey, findings: [{fingerprint, reason}]})`);
  }
  if (parsed.data.fingerprintKey !== key.id) {
    throw new BaselineError(
      `${file} was written under fingerprint key ${parsed.data.fingerprintKey}, and this scan's key is ${key.id}: ` +
        `scan with the key the baseline was written with (DONEGATE_FINGERPRINT_KEY or --fingerprint-key-file), or write the baseline again`,
    );
  }
  const entries = parsed.data.findings;
  const unfilled = entries.filter((entry) => entry.reason === REASON_PLACEHOLDER);
  if (unfilled.length > 0) {
    throw new BaselineError(`${file}: write the reason for ${unfilled.length} accepted finding(s) (first: ${unfilled[0]!.fingerprint.slice(0, 12)}…) in place of "${REASON_PLACEHOLDER}"`);
  }
  return entries;
}

export async function readBaseline(file: string, key: FingerprintKey): Promise<BaselineEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BaselineError(`cannot read the baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseBaseline(text, file, key);
}

/**
 * A baseline accepting these findings (fingerprinted under `key`), keeping the reasons of entries already
 * accepted. New entries get REASON_PLACEHOLDER, which the user must replace. JSON for `.json` files, YAML otherwise.
 */
export function serialiseBaseline(findings: readonly ScanFinding[], file: string, key: FingerprintKey, existing: readonly BaselineEntry[] = []): string {
  const seen = new Set(existing.map((entry) => entry.fingerprint.toLowerCase()));
  const entries: BaselineEntry[] = [...existing];
  for (const finding of findings) {
    const key = finding.fingerprint.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({
      fingerprint: finding.fingerprint,
      reason: REASON_PLACEHOLDER,
      detector: finding.detector,
      file: finding.file,
      masked: finding.masked,
      ...(finding.columnPath !== undefined ? { column: finding.columnPath } : {}),
    });
  }
  const document = { version: 2 as const, fingerprintKey: key.id, findings: entries };
  return file.toLowerCase().endsWith('.json') ? `${JSON.stringify(document, null, 2)}\n` : toYaml(document);
}
