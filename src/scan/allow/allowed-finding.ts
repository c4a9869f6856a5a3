import type { AllowedFinding, AllowVia, ScanFinding } from '../scan-types.js';

/** What the report lists of an allowed finding: where, which detector, its fingerprint and why; never its value. */
export function allowedFinding(finding: Pick<ScanFinding, 'file' | 'line' | 'column' | 'detector' | 'kind' | 'fingerprint'>, via: AllowVia, why: { reason?: string | undefined; by?: string | undefined; source?: string | undefined } = {}): AllowedFinding {
  const { file, line, column, detector, kind, fingerprint } = finding;
  return {
    file,
    line,
    column,
    detector,
    kind,
    fingerprint,
    via,
    ...(why.reason !== undefined ? { reason: why.reason } : {}),
    ...(why.by !== undefined ? { by: why.by } : {}),
    ...(why.source !== undefined ? { source: why.source } : {}),
  };
}
