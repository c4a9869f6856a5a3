/** Every report format donegate reads, with the wording used in messages and summaries. */
export const REPORT_FORMATS = [
  'npm-audit',
  'osv-scanner',
  'sarif',
  'grype',
  'trivy',
  'pip-audit',
  'snyk',
  'cyclonedx-vex',
  'openvex',
] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Formats whose documents are VEX statements rather than findings. */
export type VexFormat = Extract<ReportFormat, 'cyclonedx-vex' | 'openvex'>;

export const FORMAT_LABELS: Record<ReportFormat, string> = {
  'npm-audit': 'npm audit --json (npm 6 or later), pnpm audit --json, yarn audit --json or yarn npm audit --json',
  'osv-scanner': 'OSV-Scanner JSON (--format json)',
  sarif: 'SARIF 2.1.0 (Trivy, Grype, OSV-Scanner, Snyk, CodeQL, Semgrep, …)',
  grype: 'Grype JSON (-o json)',
  trivy: 'Trivy JSON (--format json, SchemaVersion 2)',
  'pip-audit': 'pip-audit JSON (--format json)',
  snyk: 'Snyk CLI JSON (snyk test --json)',
  'cyclonedx-vex': 'CycloneDX VEX (JSON)',
  openvex: 'OpenVEX (JSON)',
};

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

/** "npm audit --json (…), OSV-Scanner JSON (…), …" — for messages that must name what we accept. */
export function acceptedFormatsText(): string {
  return REPORT_FORMATS.map((format) => FORMAT_LABELS[format]).join('; ');
}
