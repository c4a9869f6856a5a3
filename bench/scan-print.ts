import type { AccuracyReport, Counts } from './scan-accuracy.js';
import { TARGET_TYPES } from './scan-accuracy.js';
import type { ThroughputRun } from './scan-throughput.js';

const figure = (value: number | null): string => (value === null ? '–' : value.toFixed(3));
const cells = (counts: Counts): string => `${figure(counts.precision)} / ${figure(counts.recall)} / ${figure(counts.f1)}`;
const mib = (bytes: number | undefined): string => (bytes === undefined ? '–' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);

export function printAccuracy(report: AccuracyReport): string {
  const rows = report.byType.map((score) => {
    const invalid = Object.values(score.invalidLabels).reduce((sum, count) => sum + count, 0);
    const target = TARGET_TYPES.includes(score.type as (typeof TARGET_TYPES)[number]);
    return `${score.type.padEnd(18)} ${String(score.raw.labels).padStart(5)} ${String(score.raw.predictions).padStart(5)}  ${cells(score.raw).padEnd(23)} ${target ? `${String(invalid).padStart(4)}  ${cells(score.valid)}` : '   –  (no detector)'}`;
  });
  const notes = report.byType.flatMap((score) => [
    ...Object.entries(score.invalidLabels).map(([reason, count]) => `  ${score.type}: ${count} labelled values fail validation (${reason})`),
    ...(TARGET_TYPES.includes(score.type as (typeof TARGET_TYPES)[number]) ? score.missedValid.map((miss) => `  ${score.type} missed (valid): ${miss}`) : []),
    ...score.falsePositives.map((fp) => `  ${score.type} false positive: ${fp}`),
  ]);
  return [
    `presidio-research: ${report.samples} texts from ${report.files.join(', ')}`,
    `type               labels preds  raw P / R / F1          invalid  on valid labels P / R / F1`,
    ...rows,
    `six target types  ${String(report.overallTargets.raw.labels).padStart(5)} ${String(report.overallTargets.raw.predictions).padStart(5)}  ${cells(report.overallTargets.raw).padEnd(23)}       ${cells(report.overallTargets.valid)}`,
    `every labelled type ${String(report.overallAllTypes.raw.labels).padStart(5)}     recall ${figure(report.overallAllTypes.raw.recall)}`,
    `findings with no presidio type: ${JSON.stringify(report.unmappedFindings)}`,
    ...notes,
  ].join('\n');
}

const scannerRow = (label: string, run: ThroughputRun, scanner: ThroughputRun['scanner'], ratio: number): string =>
  `${(run.bytes / 1e6).toFixed(0).padStart(4)} MB ${label.padEnd(16)} ${scanner.mbPerSecond.toFixed(1).padStart(8)}   ${scanner.seconds.toFixed(1).padStart(5)}   ${scanner.cpuSeconds.toFixed(1).padStart(5)}   ${String(scanner.findings).padStart(8)}   ${mib(scanner.maxRss).padStart(9)} / ${mib(scanner.sampledPeakRss).padEnd(15)}   ${run.baseline.tool} ${run.baseline.mbPerSecond.toFixed(0).padStart(6)}   ${ratio.toFixed(3)}`;

export function printThroughput(runs: ThroughputRun[]): string {
  return [
    'input (CSV+JSONL)        scanner MB/s  wall s   CPU s   findings   peak RSS (time -v / sampled)   baseline MB/s   ratio',
    ...runs.flatMap((run) => [scannerRow('pool', run, run.scanner, run.ratio), scannerRow('one thread', run, run.oneThread, run.oneThreadRatio)]),
    `baseline: ${runs[0]?.baseline.command ?? ''}`,
  ].join('\n');
}
