import type { IgnoreEntry } from '../scan/allow/donegate-ignore-file.js';
import { allowedFinding } from '../scan/allow/allowed-finding.js';
import type { ScanReport } from '../scan/scan-types.js';
import { withFindings } from './summarise-findings.js';

/**
 * Moves the findings a `.donegateignore` names (by fingerprint or a 12+ digit prefix of it) from `findings`
 * to `allowed`, each with the entry's reason, who allowed it and where the entry is.
 */
export function applyIgnoreFile(report: ScanReport, entries: readonly IgnoreEntry[]): ScanReport {
  if (entries.length === 0) return report;
  // Entries by their first 12 digits, so each finding is checked against the few that can match it.
  const byPrefix = new Map<string, IgnoreEntry[]>();
  for (const entry of entries) byPrefix.set(entry.fingerprint.slice(0, 12), [...(byPrefix.get(entry.fingerprint.slice(0, 12)) ?? []), entry]);
  const entryOf = (fingerprint: string) => byPrefix.get(fingerprint.slice(0, 12).toLowerCase())?.find((entry) => fingerprint.toLowerCase().startsWith(entry.fingerprint));
  const open = [];
  const allowed = [...(report.allowed ?? [])];
  for (const finding of report.findings) {
    const entry = entryOf(finding.fingerprint);
    if (entry) allowed.push(allowedFinding(finding, '.donegateignore', entry));
    else open.push(finding);
  }
  if (open.length === report.findings.length) return report;
  const order = new Map(report.files.map((file, index) => [file.file, index]));
  allowed.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column);
  return { ...withFindings(report, open), allowed };
}
