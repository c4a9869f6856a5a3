import { sectionLines, sectionTitle } from '../trackers/description-section.js';
import type { DatasetFile } from './scan-evidence.js';
import { normaliseDatasetPath } from './scan-read-manifest.js';

const DATASETS = sectionTitle('data\\s*sets?');
const SHA256 = /\b[0-9a-fA-F]{64}\b/;
// A relative or absolute file path with an extension, as a scan report names files: `data/train.csv`,
// `./eval/part-0001.jsonl.gz`. Words, URLs and bare folder names are not dataset files. Runs are bounded as
// file systems bound them (255 characters a name, 64 folders deep here), so no run in a description is
// retried without limit.
const PATH = /(?:^|[\s`'"(])((?:\.{0,2}\/)?(?:[\w.@+-]{1,255}\/){0,64}[\w@+-][\w.@+-]{0,254}\.[A-Za-z0-9]{1,10})(?=$|[\s`'",;)])/g;

/**
 * Dataset files a ticket's description names in its "Datasets" section (a Markdown or ADF heading
 * `Datasets`, or a line `Datasets:`), up to the next heading: one file per line, optionally with its
 * sha256 (`data/train.csv sha256 9f86d0…`, or a `sha256sum` line `9f86d0…  data/train.csv`).
 *
 * @example
 * datasetsInDescription('## Datasets\n- data/train.csv\n- data/eval.csv 9f86d081…') // two files, the second pinned
 */
export function datasetsInDescription(description: string): DatasetFile[] {
  const files: DatasetFile[] = [];
  for (const line of sectionLines(description, DATASETS)) {
    if (/:\/\//.test(line)) continue;
    const withoutHash = line.replace(SHA256, ' ');
    const paths = [...withoutHash.matchAll(PATH)].map((match) => normaliseDatasetPath(match[1]!));
    if (paths.length !== 1) continue;
    const sha256 = SHA256.exec(line)?.[0]?.toLowerCase();
    files.push({ path: paths[0]!, ...(sha256 ? { sha256 } : {}) });
  }
  return files;
}
