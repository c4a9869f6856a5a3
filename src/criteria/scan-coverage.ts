import type { DatasetManifest, ScanEvidence } from './scan-evidence.js';
import { normaliseDatasetPath } from './scan-read-manifest.js';

/**
 * The declared dataset files the scan does not cover. A file is covered when the report scanned (not
 * skipped) a file at the same path — or at a path ending in `/<that path>`, since the scan may have been
 * run from another folder — with the same sha256. Same path, other bytes is not covered: the data changed.
 */
export function uncoveredDatasets(manifest: DatasetManifest, scan: ScanEvidence): string[] {
  const scanned = scan.files.map((f) => ({ ...f, path: normaliseDatasetPath(f.file) }));
  return manifest.files.flatMap(({ path, sha256 }) => {
    const samePath = scanned.filter((f) => f.path === path || f.path.endsWith(`/${path}`));
    if (samePath.length === 0) return [`${path}: not scanned`];
    const match = samePath.find((f) => f.sha256 === sha256);
    if (!match) return [`${path}: scanned with another sha256 (${samePath[0]!.sha256.slice(0, 12)}…, declared ${sha256.slice(0, 12)}…)`];
    if (match.skipped !== undefined) return [`${path}: skipped by the scan (${match.skipped})`];
    return [];
  });
}
