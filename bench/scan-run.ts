/**
 * `npm run bench:scan`: the scanner's accuracy on presidio-research (span overlap, per type) and its
 * throughput and peak RSS on generated CSV/JSONL, next to grep over the same files. Prints tables and writes
 * bench/results/scan-latest.json. See BENCHMARKS.md, "Scanner (issue 4)", for the method.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { createDefaultDetectors } from '../src/scan/index.js';
import { scoreCorpus, TARGET_TYPES } from './scan-accuracy.js';
import { printAccuracy, printThroughput } from './scan-print.js';
import { SCAN_BENCH } from './scan-settings.js';
import { benchThroughput } from './scan-throughput.js';
import type { ThroughputRun } from './scan-throughput.js';

const round2 = (value: number): number => Math.round(value * 100) / 100;
const started = performance.now();
const machine = {
  date: new Date().toISOString(),
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: round2(loadavg()[0] ?? 0),
};

console.error('bench:scan: accuracy on presidio-research…');
const accuracy = await scoreCorpus(resolve(process.cwd(), SCAN_BENCH.corpusFolder), createDefaultDetectors({ defaultCountry: SCAN_BENCH.defaultCountry }));
// Phone only, with more countries for national numbers: what `--country` with a list gains and costs.
const phoneWithCountries = [];
for (const alsoCountries of SCAN_BENCH.phoneCountryLists) {
  const scored = await scoreCorpus(resolve(process.cwd(), SCAN_BENCH.corpusFolder), createDefaultDetectors({ defaultCountry: SCAN_BENCH.defaultCountry, alsoCountries }));
  const phone = scored.byType.find((score) => score.type === 'PHONE_NUMBER');
  if (phone) phoneWithCountries.push({ countries: [SCAN_BENCH.defaultCountry, ...alsoCountries], raw: phone.raw, falsePositives: phone.falsePositives });
}
const throughput: ThroughputRun[] = [];
for (const size of SCAN_BENCH.throughputSizes) {
  console.error(`bench:scan: throughput on ${size / 1e6} MB…`);
  throughput.push(await benchThroughput(size, SCAN_BENCH.seed));
}
const { targets } = SCAN_BENCH;
const verdicts = {
  accuracy: Object.fromEntries(
    accuracy.byType
      .filter((score) => TARGET_TYPES.includes(score.type as (typeof TARGET_TYPES)[number]))
      .map((score) => [
        score.type,
        {
          raw: (score.raw.precision ?? 0) >= targets.precisionMin && (score.raw.recall ?? 0) >= targets.recallMin,
          onValidLabels: (score.valid.precision ?? 0) >= targets.precisionMin && (score.valid.recall ?? 0) >= targets.recallMin,
        },
      ]),
  ),
  mbPerSecond: throughput.every((run) => run.scanner.mbPerSecond >= targets.mbPerSecondMin),
  oneThreadMbPerSecond: throughput.every((run) => run.oneThread.mbPerSecond >= targets.oneThreadMbPerSecondMin),
  peakRss: throughput.every((run) => [run.scanner, run.oneThread].every((scanner) => (scanner.maxRss ?? scanner.sampledPeakRss) < targets.peakRssMaxBytes)),
};
const report = {
  machine,
  settings: SCAN_BENCH,
  accuracy,
  phoneWithCountries,
  throughput,
  verdicts,
  durationSeconds: Math.round((performance.now() - started) / 1000),
  loadAverageAtEnd: round2(loadavg()[0] ?? 0),
};
const folder = new URL('./results/', import.meta.url);
await mkdir(folder, { recursive: true });
await writeFile(new URL('scan-latest.json', folder), `${JSON.stringify(report, null, 2)}\n`);
console.log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, node ${machine.node}; load average ${machine.loadAverageAtStart} → ${report.loadAverageAtEnd}\n`);
console.log(printAccuracy(accuracy));
for (const { countries, raw } of phoneWithCountries) {
  console.log(`PHONE_NUMBER with --country ${countries.join(',')}: raw P ${raw.precision?.toFixed(3) ?? '–'} / R ${raw.recall?.toFixed(3) ?? '–'} (${raw.predictions} findings)`);
}
console.log(`\n${printThroughput(throughput)}`);
console.log(`\nverdicts: ${JSON.stringify(verdicts)}`);
console.log(`\nwritten: bench/results/scan-latest.json (${report.durationSeconds} s)`);
