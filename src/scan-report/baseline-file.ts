import { readFile } from 'node:fs/promises';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { z } from 'zod';
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
});
const baselineSchema = z.union([z.array(entrySchema), z.object({ version: z.literal(1).optional(), findings: z.array(entrySchema) })]);

export type BaselineEntry = z.infer<typeof entrySchema>;

/** The baseline file cannot be used: unreadable, malformed, or with reasons still to write. Exit 2. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

/** Read a baseline (JSON or YAML: `{version: 1, findings: [{fingerprint, reason}]}` or a bare list). */
export function parseBaseline(text: string, file: string): BaselineEntry[] {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new BaselineError(`${file} is neither JSON nor YAML: ${(error as Error).message}`);
  }
  const parsed = baselineSchema.safeParse(document ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BaselineError(`${file}: ${issue.path.join('.') || 'the document'}: ${issue.message} (expected {version: 1, findings: [{fingerprint, reason}]})`);
  }
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.findings;
  const unfilled = entries.filter((entry) => entry.reason === REASON_PLACEHOLDER);
  if (unfilled.length > 0) {
    throw new BaselineError(`${file}: write the reason for ${unfilled.length} accepted finding(s) (first: ${unfilled[0]!.fingerprint.slice(0, 12)}…) in place of "${REASON_PLACEHOLDER}"`);
  }
  return entries;
}

export async function readBaseline(file: string): Promise<BaselineEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BaselineError(`cannot read the baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseBaseline(text, file);
}

/**
 * A baseline accepting these findings, keeping the reasons of entries already accepted. New entries get
 * REASON_PLACEHOLDER, which the user must replace. JSON for `.json` files, YAML otherwise.
 */
export function serialiseBaseline(findings: readonly ScanFinding[], file: string, existing: readonly BaselineEntry[] = []): string {
  const seen = new Set(existing.map((entry) => entry.fingerprint.toLowerCase()));
  const entries: BaselineEntry[] = [...existing];
  for (const finding of findings) {
    const key = finding.fingerprint.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ fingerprint: finding.fingerprint, reason: REASON_PLACEHOLDER, detector: finding.detector, file: finding.file, masked: finding.masked });
  }
  const document = { version: 1 as const, findings: entries };
  return file.toLowerCase().endsWith('.json') ? `${JSON.stringify(document, null, 2)}\n` : toYaml(document);
}
