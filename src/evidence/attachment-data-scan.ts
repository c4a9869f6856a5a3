import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanToReport, type FingerprintKey, type ScanReport } from '../scan/index.js';

/** The criteria a scan of attached data can answer. */
export const DATA_SCAN_CRITERIA = ['pii-scan', 'secret-scan'] as const;

/** Files worth scanning for personal data or secrets: datasets, notebooks, configuration, text. */
export const DATA_EXTENSIONS = new Set(['csv', 'tsv', 'json', 'jsonl', 'ndjson', 'parquet', 'txt', 'md', 'ipynb', 'env', 'yaml', 'yml', 'gz', 'log']);

/**
 * Scan an attachment's bytes with donegate's own scanner, as `donegate scan` would scan the file. The
 * bytes go to a private temporary folder (the scanner reads files, in constant memory, and knows gzip
 * and notebooks by content) that is removed at once; the report names the file by the attachment's
 * name, so dataset coverage can match it, and fingerprints it by that name under `fingerprintKey` (the
 * installation's), so the same data attached again gets the same fingerprints.
 *
 * A gzip file inflating past `maxInflatedBytes` or 100:1 is not scanned: the report lists it as unreadable.
 */
export async function scanAttachmentData(bytes: Buffer, filename: string, fingerprintKey?: FingerprintKey, maxInflatedBytes?: number): Promise<ScanReport> {
  const folder = await mkdtemp(join(tmpdir(), 'donegate-attachment-'));
  // Only the last path segment, and nothing that could climb out of the folder.
  const safeName = filename.split(/[\\/]/).pop()?.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '') || 'attachment';
  const path = join(folder, safeName);
  try {
    await writeFile(path, bytes, { mode: 0o600 });
    return await scanToReport([path], {
      nameAs: (file) => (file === path ? filename : file),
      ...(fingerprintKey ? { fingerprintKey } : {}),
      ...(maxInflatedBytes !== undefined ? { maxInflatedBytes } : {}),
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
