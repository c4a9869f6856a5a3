/** Severity bands shared by every report format, worst first. */
export const SEVERITIES = ['critical', 'high', 'moderate', 'low', 'info', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Rank for ordering and `highest`: higher is worse. `unknown` ranks between `moderate` and `low`: a
 * finding whose tool gave no severity (pip-audit never does) must not sort below a known `low`, yet cannot
 * claim to be `moderate` either. `atOrAbove` never lets `unknown` pass a known threshold, so policy reads
 * `counts.unknown` to decide whether unknown findings block.
 */
const RANK: Record<Severity, number> = { critical: 5, high: 4, moderate: 3, unknown: 2.5, low: 2, info: 1 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/**
 * True when `severity` is as bad as `threshold` or worse. `unknown` only meets an `unknown` threshold.
 *
 * @example atOrAbove('critical', 'high') // true
 * @example atOrAbove('unknown', 'low')   // false
 */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  if (severity === 'unknown' || threshold === 'unknown') return severity === threshold;
  return RANK[severity] >= RANK[threshold];
}

/** The worse of two severities when combining sources for one finding: a known band beats `unknown`. */
export function worseOf(a: Severity, b: Severity): Severity {
  if (a === 'unknown') return b;
  if (b === 'unknown') return a;
  return RANK[b] > RANK[a] ? b : a;
}

/**
 * CVSS v3 qualitative bands (FIRST CVSS v3.1 specification §5): 9.0–10.0 critical, 7.0–8.9 high,
 * 4.0–6.9 medium (our `moderate`), 0.1–3.9 low, 0.0 none (our `info`).
 */
export function severityFromCvssScore(score: number): Severity {
  if (!Number.isFinite(score) || score < 0 || score > 10) return 'unknown';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'moderate';
  if (score > 0) return 'low';
  return 'info';
}

/** A score written as text ("7.5"); anything that is not a plain number → undefined. */
export function severityFromScoreText(text: string | null | undefined): Severity | undefined {
  if (text === null || text === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined;
  const severity = severityFromCvssScore(Number(text));
  return severity === 'unknown' ? undefined : severity;
}

/**
 * The words scanners use, case-insensitive: npm (info/low/moderate/high/critical), GitHub advisories
 * (LOW/MODERATE/HIGH/CRITICAL), Trivy (UNKNOWN/LOW/MEDIUM/HIGH/CRITICAL), Grype (Unknown/Negligible/Low/
 * Medium/High/Critical). Grype's "Negligible" sits below low, so it maps to `info`. Anything else → unknown.
 */
export function severityFromWord(word: string | null | undefined): Severity {
  switch ((word ?? '').trim().toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
      return 'high';
    case 'moderate':
    case 'medium':
      return 'moderate';
    case 'low':
      return 'low';
    case 'info':
    case 'informational':
    case 'negligible':
    case 'none':
      return 'info';
    default:
      return 'unknown';
  }
}

/** SARIF `level` (§3.27.10): error → high, warning → moderate, note → low, none → info. */
export function severityFromSarifLevel(level: string | null | undefined): Severity | undefined {
  switch (level) {
    case 'error':
      return 'high';
    case 'warning':
      return 'moderate';
    case 'note':
      return 'low';
    case 'none':
      return 'info';
    default:
      return undefined;
  }
}
