/**
 * `npm run bench:pii`: per-type precision and recall of the PII detectors on the labelled set
 * (`bench/pii-labelled/`) and on presidio-research, beside the figures recorded before the issue-14 changes
 * (`bench/pii-labelled/before.json`). `--record-before` rewrites that file from the detectors checked out.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createDefaultDetectors } from '../src/scan/index.js';
import { PII_TARGET, PII_TYPES, scoreLabelledSet } from './pii-labelled/score-labelled-set.js';
import type { AccuracyReport, Counts } from './scan-accuracy.js';
import { scoreCorpus } from './scan-accuracy.js';
import { SCAN_BENCH } from './scan-settings.js';

const BEFORE_FILE = resolve(import.meta.dirname, 'pii-labelled/before.json');

type Figures = Record<string, { precision: number | null; recall: number | null; labels: number; predictions: number }>;
interface Run {
  labelled: Figures;
  presidioRaw: Figures;
  presidioValid: Figures;
}

const figures = (report: AccuracyReport, pick: (score: AccuracyReport['byType'][number]) => Counts): Figures =>
  Object.fromEntries(
    report.byType
      .filter((score) => (PII_TYPES as readonly string[]).includes(score.type))
      .map((score) => {
        const counts = pick(score);
        return [score.type, { precision: counts.precision, recall: counts.recall, labels: counts.labels, predictions: counts.predictions }];
      }),
  );

async function measure(): Promise<{ run: Run; labelled: AccuracyReport; presidio: AccuracyReport }> {
  const detectors = createDefaultDetectors({ defaultCountry: SCAN_BENCH.defaultCountry });
  const labelled = scoreLabelledSet(detectors);
  const presidio = await scoreCorpus(resolve(process.cwd(), SCAN_BENCH.corpusFolder), detectors);
  return {
    labelled,
    presidio,
    run: { labelled: figures(labelled, (score) => score.raw), presidioRaw: figures(presidio, (score) => score.raw), presidioValid: figures(presidio, (score) => score.valid) },
  };
}

const cell = (value: number | null | undefined): string => (value === null || value === undefined ? '  –  ' : value.toFixed(3));
const pair = (entry: Figures[string] | undefined): string => `${cell(entry?.precision)} / ${cell(entry?.recall)}`;

function table(title: string, before: Figures | undefined, after: Figures): string {
  const rows = PII_TYPES.filter((type) => after[type] !== undefined && (after[type].labels > 0 || after[type].predictions > 0)).map((type) => {
    const now = after[type];
    const meets = (now?.precision ?? 1) >= PII_TARGET && (now?.recall ?? 1) >= PII_TARGET;
    return `${type.padEnd(15)} ${String(now?.labels ?? 0).padStart(6)}   ${pair(before?.[type])}   ${pair(now)}   ${meets ? 'meets' : 'BELOW'}`;
  });
  return [title, `type             labels   before P / R    after P / R     ≥ ${PII_TARGET}`, ...rows].join('\n');
}

const { run, labelled, presidio } = await measure();
if (process.argv.includes('--record-before')) {
  await writeFile(BEFORE_FILE, `${JSON.stringify(run, null, 2)}\n`);
  console.error(`bench:pii: wrote ${BEFORE_FILE}`);
}
const before = JSON.parse(await readFile(BEFORE_FILE, 'utf8')) as Run;
console.log(table(`labelled set: ${labelled.samples} lines`, before.labelled, run.labelled));
console.log();
console.log(table(`presidio-research, raw: ${presidio.samples} texts`, before.presidioRaw, run.presidioRaw));
console.log();
console.log(table('presidio-research, on valid labels', before.presidioValid, run.presidioValid));
const notes = labelled.byType.flatMap((score) => [...score.falsePositives.map((fp) => `  ${score.type} false positive: ${fp}`)]);
const misses = labelled.byType.flatMap((score) => score.missedValid.map((miss) => `  ${score.type} missed: ${miss}`));
if (notes.length + misses.length > 0) console.log(['', 'labelled set, masked examples:', ...misses, ...notes].join('\n'));
