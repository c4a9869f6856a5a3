import { z } from 'zod';
import { InvalidReportError } from '../evidence/reports/index.js';
import type { DatasetManifest } from './scan-evidence.js';

const SHA256SUM_LINE = /^\\?([0-9a-fA-F]{64}) [ *](.+)$/;

/** `./data/a.csv` and `data//a.csv` name `data/a.csv`. */
export function normaliseDatasetPath(path: string): string {
  return path.replaceAll('\\', '/').replace(/\/{2,}/g, '/').replace(/^(\.\/)+/, '');
}

/** `sha256sum data/*.csv` output, one `<sha256>  <path>` per line; undefined when the text is not that. */
export function readSha256sum(text: string): DatasetManifest | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return undefined;
  const files: DatasetManifest['files'] = [];
  for (const line of lines) {
    const match = SHA256SUM_LINE.exec(line);
    if (!match) return undefined;
    files.push({ path: normaliseDatasetPath(match[2]!), sha256: match[1]!.toLowerCase() });
  }
  return { files };
}

const manifestSchema = z.object({
  datasets: z.array(z.object({ path: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/i, 'a sha256 in hex') })).min(1),
});

/** `{"datasets": [{"path": "data/train.csv", "sha256": "…"}]}`. */
export function readJsonManifest(document: unknown): DatasetManifest {
  const parsed = manifestSchema.safeParse(document);
  if (!parsed.success) throw new InvalidReportError('dataset manifest', parsed.error.issues[0]!.message, parsed.error.issues[0]!.path.join('.'));
  return { files: parsed.data.datasets.map(({ path, sha256 }) => ({ path: normaliseDatasetPath(path), sha256: sha256.toLowerCase() })) };
}
