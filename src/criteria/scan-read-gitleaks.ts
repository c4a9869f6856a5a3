import { z } from 'zod';
import { InvalidReportError } from '../evidence/reports/index.js';
import type { FingerprintKey } from '../scan/fingerprint.js';
import { MAX_STORED_FINDINGS, worstFirst, type ScanEvidence, type StoredScanFinding } from './scan-evidence.js';
import { maskSecret } from './scan-mask-secret.js';

/**
 * Our fingerprint for a gitleaks finding: like the scanner's, keyed, over rule, file and value, so it is
 * stable across line moves and a weak secret cannot be confirmed by trying guesses against it.
 */
const fingerprintOf = (key: FingerprintKey, rule: string, file: string, secret: string) => key.hmacHex(`gitleaks\0${rule}\0${file}\0${secret}`);

// https://github.com/gitleaks/gitleaks/blob/master/report/finding.go — Secret and Match hold the raw value:
// they are read here to mask and fingerprint, and are never kept.
const gitleaksFinding = z.object({
  RuleID: z.string(),
  File: z.string(),
  StartLine: z.number().int(),
  Secret: z.string().optional(),
  Match: z.string().optional(),
  Fingerprint: z.string().optional(),
});

function evidenceOf(findings: StoredScanFinding[]): ScanEvidence {
  const sorted = findings.sort(worstFirst);
  return { tool: 'gitleaks', findings: sorted.slice(0, MAX_STORED_FINDINGS), findingCount: sorted.length, otherKindCount: 0, baselined: 0, files: [] };
}

/** gitleaks `--report-format json`: an array of findings. */
export function readGitleaksJson(document: unknown[], key: FingerprintKey): ScanEvidence {
  return evidenceOf(
    document.map((item, index) => {
      const parsed = gitleaksFinding.safeParse(item);
      if (!parsed.success) throw new InvalidReportError('gitleaks JSON report', parsed.error.issues[0]!.message, `[${index}].${parsed.error.issues[0]!.path.join('.')}`);
      const { RuleID, File, StartLine, Secret, Match, Fingerprint } = parsed.data;
      const raw = Secret ?? Match ?? '';
      return {
        file: File,
        line: Math.max(StartLine, 1),
        detector: RuleID,
        kind: 'secret' as const,
        masked: raw ? maskSecret(raw) : '****',
        confidence: 'high' as const,
        fingerprint: fingerprintOf(key, RuleID, File, raw || `line ${StartLine}`),
        ...(Fingerprint ? { aliases: [Fingerprint] } : {}),
      };
    }),
  );
}

const sarifResult = z.object({
  ruleId: z.string(),
  locations: z
    .array(
      z.object({
        physicalLocation: z.object({
          artifactLocation: z.object({ uri: z.string() }),
          region: z.object({ startLine: z.number().int().optional(), snippet: z.object({ text: z.string() }).optional() }).optional(),
        }),
      }),
    )
    .min(1),
});

/** gitleaks `--report-format sarif`: the raw secret sits in `region.snippet.text`; it is masked and dropped. */
export function readGitleaksSarif(results: unknown[], key: FingerprintKey): ScanEvidence {
  return evidenceOf(
    results.map((item, index) => {
      const parsed = sarifResult.safeParse(item);
      if (!parsed.success) throw new InvalidReportError('gitleaks SARIF report', parsed.error.issues[0]!.message, `runs[0].results[${index}].${parsed.error.issues[0]!.path.join('.')}`);
      const { ruleId, locations } = parsed.data;
      const { artifactLocation, region } = locations[0]!.physicalLocation;
      const line = Math.max(region?.startLine ?? 1, 1);
      const raw = region?.snippet?.text ?? '';
      return {
        file: artifactLocation.uri,
        line,
        detector: ruleId,
        kind: 'secret' as const,
        masked: raw ? maskSecret(raw) : '****',
        confidence: 'high' as const,
        fingerprint: fingerprintOf(key, ruleId, artifactLocation.uri, raw || `line ${line}`),
      };
    }),
  );
}
