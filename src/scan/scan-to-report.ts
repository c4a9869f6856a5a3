import { allowedFinding } from './allow/allowed-finding.js';
import { FINGERPRINT_SCHEME, processFingerprintKey } from './fingerprint.js';
import type { ScanEvent, ScanOptions } from './scan-events.js';
import { detectorsFor } from './detectors-for.js';
import { scanPaths } from './scan-paths.js';
import type { ScanFinding, ScanReport, SelectionSkipCounts } from './scan-types.js';
import { rulesSha256 } from './rules-sha256.js';
import { scannerVersion } from './scanner-version.js';

export interface ReportOptions extends ScanOptions {
  /** True for a finding the baseline accepts: it is counted in `baselined` and left out of `findings`. */
  accept?: (finding: ScanFinding) => boolean;
  /** Sees every event as it happens (progress lines, error logging). */
  onEvent?: (event: ScanEvent) => void;
  now?: () => Date;
}

const emptySkipCounts = (): SelectionSkipCounts => ({
  gitignore: { files: 0, folders: 0 },
  excluded: { files: 0, folders: 0 },
  'not-included': { files: 0, folders: 0 },
  unchanged: { files: 0, folders: 0 },
});

/**
 * Scans and collects a whole report: files with sha256 and size, findings, the summary, the scanner
 * version and the rules hash. Errors are not thrown; they show as files with `skipped` set.
 *
 * @example
 * const report = await scanToReport(['data/'], { defaultCountry: 'GB' });
 * process.exitCode = report.findings.length > 0 ? 1 : 0;
 */
export async function scanToReport(paths: readonly string[], options: ReportOptions = {}): Promise<ScanReport> {
  const fingerprintKey = options.fingerprintKey ?? processFingerprintKey();
  const report: ScanReport = {
    tool: { name: 'donegate-scan', version: scannerVersion(), rulesSha256: rulesSha256(detectorsFor(options)) },
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    fingerprints: { scheme: FINGERPRINT_SCHEME, keyId: fingerprintKey.id },
    files: [],
    findings: [],
    baselined: 0,
    summary: { byDetector: {}, pii: 0, secrets: 0, files: 0, bytes: 0 },
    ...(options.select ? { selection: { ...options.select, skipped: emptySkipCounts() } } : {}),
  };
  // The report's own callbacks stay here: scanPaths gets plain options it can hand to worker threads.
  const { accept: _accept, onEvent: _onEvent, now: _now, ...scanOptions } = options;
  for await (const event of scanPaths(paths, { ...scanOptions, fingerprintKey })) {
    options.onEvent?.(event);
    if (event.type === 'file-end') {
      report.files.push(event.file);
      report.summary.files++;
      report.summary.bytes += event.file.size;
    } else if (event.type === 'skipped') {
      if (report.selection) report.selection.skipped[event.reason][event.folder ? 'folders' : 'files']++;
    } else if (event.type === 'finding') {
      const { finding } = event;
      if (finding.allow) {
        // A `donegate:allow` line: listed with its reason, not counted as a finding.
        (report.allowed ??= []).push(allowedFinding(finding, 'inline', finding.allow));
        continue;
      }
      if (options.accept?.(finding)) {
        report.baselined++;
        continue;
      }
      report.findings.push(finding);
      report.summary.byDetector[finding.detector] = (report.summary.byDetector[finding.detector] ?? 0) + 1;
      if (finding.kind === 'pii') report.summary.pii++;
      else report.summary.secrets++;
    }
  }
  return report;
}
