import type { DatasetFile, DatasetManifest, ScanEvidence } from './scan-evidence.js';
import { normaliseDatasetPath } from './scan-read-manifest.js';

/**
 * The declared dataset files the scan does not cover. A file is covered when the report scanned (not
 * skipped) a file at the same path — or at a path ending in `/<that path>`, since the scan may have been
 * run from another folder — with the same sha256 when one is declared. Same path, other bytes is not
 * covered: the data changed.
 */
export function uncoveredDatasets(declared: readonly DatasetFile[], scan: ScanEvidence): string[] {
  const scanned = scan.files.map((f) => ({ ...f, path: normaliseDatasetPath(f.file) }));
  return declared.flatMap(({ path, sha256 }) => {
    const samePath = scanned.filter((f) => f.path === path || f.path.endsWith(`/${path}`));
    if (samePath.length === 0) return [`${path}: not scanned`];
    // Without a declared sha256, any scan of the path counts, a complete one first.
    const match = sha256 === undefined ? (samePath.find((f) => f.skipped === undefined) ?? samePath[0]) : samePath.find((f) => f.sha256 === sha256);
    if (!match) return [`${path}: scanned with another sha256 (${samePath[0]!.sha256.slice(0, 12)}…, declared ${(sha256 ?? '').slice(0, 12)}…)`];
    if (match.skipped !== undefined) return [`${path}: skipped by the scan (${match.skipped})`];
    return [];
  });
}

/**
 * The files a scan must cover: those the ticket's description names, then the newest submitted manifest's
 * (a manifest pins the content with a sha256, so for a path in both it wins).
 */
export function declaredDatasets(fromTicket: readonly DatasetFile[], manifest: DatasetManifest | undefined): DatasetFile[] {
  const byPath = new Map<string, DatasetFile>();
  for (const file of [...fromTicket, ...(manifest?.files ?? [])]) byPath.set(file.path, file);
  return [...byPath.values()];
}
