import { z } from 'zod';
import type { ScanReport } from '../scan/scan-types.js';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/i);
const skipCount = z.object({ files: z.number().int().nonnegative(), folders: z.number().int().nonnegative() });

/**
 * A donegate scan report as read back from JSON (uploaded evidence). Unknown fields are dropped, so a
 * stored summary holds only what the contract defines: masked values and fingerprints, never raw ones.
 */
export const scanReportSchema = z.object({
  tool: z.object({ name: z.literal('donegate-scan'), version: z.string(), rulesSha256: z.string() }),
  generatedAt: z.string(),
  // Absent in reports from before fingerprints were keyed: readers re-key those fingerprints before showing them.
  fingerprints: z.object({ scheme: z.literal('hmac-sha256'), keyId: z.string().regex(/^[0-9a-f]{16}$/) }).optional(),
  // A file that could not be opened has no bytes to hash: the scanner lists it with an empty sha256 and why.
  files: z.array(
    z
      .object({ file: z.string(), sha256: sha256.or(z.literal('')), size: z.number().int().nonnegative(), skipped: z.string().optional() })
      .refine((file) => file.sha256 !== '' || file.skipped !== undefined, { message: 'a file without a sha256 must say why it was skipped', path: ['sha256'] }),
  ),
  findings: z.array(
    z.object({
      file: z.string(),
      line: z.number().int().positive(),
      column: z.number().int().positive(),
      endColumn: z.number().int().positive(),
      detector: z.string().min(1),
      kind: z.enum(['pii', 'secret']),
      masked: z.string(),
      confidence: z.enum(['high', 'medium', 'low']),
      fingerprint: sha256,
      location: z.string().optional(),
      // A dataset column's finding: its path and how many rows matched.
      columnPath: z.string().optional(),
      occurrences: z.number().int().positive().optional(),
    }),
  ),
  baselined: z.number().int().nonnegative(),
  // Optional, newer: what allow-lists took out (no values), the custom rules configs run, and warnings.
  allowed: z
    .array(
      z.object({
        file: z.string(),
        line: z.number().int().positive(),
        column: z.number().int().positive(),
        detector: z.string().min(1),
        kind: z.enum(['pii', 'secret']),
        fingerprint: sha256,
        via: z.enum(['inline', '.donegateignore']),
        reason: z.string().max(1000).optional(),
        by: z.string().max(200).optional(),
        source: z.string().optional(),
      }),
    )
    .optional(),
  customRules: z.array(z.object({ source: z.string(), sha256, rules: z.number().int().nonnegative() })).optional(),
  warnings: z.array(z.string()).optional(),
  summary: z.object({
    byDetector: z.record(z.string(), z.number()),
    pii: z.number(),
    secrets: z.number(),
    files: z.number(),
    bytes: z.number(),
  }),
  // Absent in reports from before paths were chosen (.gitignore, globs, --since).
  selection: z
    .object({
      gitignore: z.boolean(),
      include: z.array(z.string()),
      exclude: z.array(z.string()),
      since: z.string().optional(),
      skipped: z.object({ gitignore: skipCount, excluded: skipCount, 'not-included': skipCount, unchanged: skipCount }),
    })
    .optional(),
}) satisfies z.ZodType<ScanReport>;

/** True when the value names itself a donegate scan report, whatever else is wrong with it. */
export function looksLikeScanReport(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { tool?: { name?: unknown } }).tool?.name === 'donegate-scan';
}
