import { z } from 'zod';
import { InvalidReportError } from '../evidence/reports/index.js';
import type { FingerprintKey } from '../scan/fingerprint.js';
import { MAX_STORED_FINDINGS, worstFirst, type ScanEvidence, type StoredScanFinding } from './scan-evidence.js';
import { maskSecret } from './scan-mask-secret.js';

/**
 * One TruffleHog v3 result (`trufflehog … --json`, one JSON object per line). `Raw`, `RawV2` and
 * `Redacted` may hold the credential: they are read here to mask and fingerprint, and are never kept.
 * Where it was found sits under `SourceMetadata.Data.<source>` (`Git`, `Filesystem`, `Github`, …), each
 * with `file` and `line` when the source has files.
 */
const result = z.object({
  DetectorName: z.string().min(1),
  Verified: z.boolean().optional(),
  Raw: z.string().optional(),
  RawV2: z.string().optional(),
  Redacted: z.string().optional(),
  SourceMetadata: z.object({ Data: z.record(z.string(), z.unknown()).nullish() }).nullish(),
});

const location = z.object({ file: z.string().optional(), link: z.string().optional(), line: z.number().int().optional() });

/** TruffleHog's lines look like this when they are results, not log lines. */
export function isTruffleHogResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'DetectorName' in value && 'SourceMetadata' in value;
}

function whereFound(data: Record<string, unknown> | null | undefined): { file: string; line: number } {
  for (const source of Object.values(data ?? {})) {
    const parsed = location.safeParse(source);
    if (parsed.success && (parsed.data.file || parsed.data.link)) return { file: parsed.data.file ?? parsed.data.link ?? '', line: Math.max(parsed.data.line ?? 1, 1) };
  }
  return { file: '(unknown source)', line: 1 };
}

/**
 * TruffleHog results → scan evidence. Verified credentials are `high` confidence, unverified `medium`.
 * Fingerprints are keyed, so a weak credential cannot be confirmed by trying guesses against one.
 */
export function readTruffleHog(lines: readonly unknown[], key: FingerprintKey): ScanEvidence {
  const findings: StoredScanFinding[] = lines.map((item, index) => {
    const parsed = result.safeParse(item);
    if (!parsed.success) throw new InvalidReportError('TruffleHog JSON', parsed.error.issues[0]!.message, `line ${index + 1}: ${parsed.error.issues[0]!.path.join('.')}`);
    const { DetectorName, Verified, Raw, RawV2, Redacted, SourceMetadata } = parsed.data;
    const { file, line } = whereFound(SourceMetadata?.Data);
    const raw = Raw ?? RawV2 ?? Redacted ?? '';
    return {
      file,
      line,
      detector: DetectorName,
      kind: 'secret' as const,
      masked: raw ? maskSecret(raw) : '****',
      confidence: Verified === true ? ('high' as const) : ('medium' as const),
      fingerprint: key.hmacHex(`trufflehog\0${DetectorName}\0${file}\0${raw || `line ${line}`}`),
    };
  });
  const sorted = findings.sort(worstFirst);
  return { tool: 'trufflehog', findings: sorted.slice(0, MAX_STORED_FINDINGS), findingCount: sorted.length, otherKindCount: 0, baselined: 0, files: [] };
}
