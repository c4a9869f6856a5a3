/**
 * `npm run bench:hostile`: for every parser, section reader and detector that reads user-controlled text,
 * the slowest hostile input found (of the units in test/support/hostile-text.ts, each repeated to 100 kB),
 * timed again as a 1 MiB run, in CPU ms per MB of input; and the time to refuse a gzip bomb. Prints a table
 * and writes bench/results/hostile-latest.json. See BENCHMARKS.md, "Hostile input (issue 10)".
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scanToReport } from '../src/scan/index.js';
import { HOSTILE_TARGETS, HOSTILE_UNITS, hostileRun, medianCpuMs } from '../test/support/hostile-text.js';

const SCREEN_LENGTH = 100_000;
const FULL_LENGTH = 2 ** 20;
const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
const started = performance.now();
const machine = { date: new Date().toISOString(), cpus: availableParallelism(), cpuModel: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, loadAverageAtStart: round(loadavg()[0] ?? 0, 2) };

interface Row {
  target: string;
  slowestUnit: string;
  inputBytes: number;
  cpuMs: number;
  msPerMB: number;
  /** CPU ms for the same unit at 10 kB, 100 kB and 1 MiB runs: linear code grows about tenfold per step. */
  growth: number[];
}

const rows: Row[] = [];
for (const target of HOSTILE_TARGETS) {
  console.error(`bench:hostile: ${target.name}…`);
  let slowest = { unit: HOSTILE_UNITS[0] ?? ' ', ms: -1 };
  for (const unit of HOSTILE_UNITS) {
    const input = target.wrap(hostileRun(unit, SCREEN_LENGTH));
    const ms = medianCpuMs(() => target.read(input), 3);
    if (ms > slowest.ms) slowest = { unit, ms };
  }
  const input = target.wrap(hostileRun(slowest.unit, FULL_LENGTH));
  const cpuMs = medianCpuMs(() => target.read(input), 5);
  const inputBytes = Buffer.byteLength(input);
  const growth = [10_000, 100_000, FULL_LENGTH].map((length) => {
    const sized = target.wrap(hostileRun(slowest.unit, length));
    return round(medianCpuMs(() => target.read(sized), 5), 2);
  });
  rows.push({ target: target.name, slowestUnit: slowest.unit, inputBytes, cpuMs: round(cpuMs), msPerMB: round(cpuMs / (inputBytes / 1e6)), growth });
}

// The gzip bomb of the issue: 64 MiB of zeros in a ~65 kB file, refused by the ratio limit.
const folder = await mkdtemp(join(tmpdir(), 'donegate-bench-hostile-'));
let bomb;
try {
  const path = join(folder, 'bomb.csv.gz');
  const bytes = gzipSync(Buffer.alloc(64 * 2 ** 20));
  await writeFile(path, bytes);
  const before = process.cpuUsage();
  const clock = performance.now();
  const report = await scanToReport([path]);
  const spent = process.cpuUsage(before);
  bomb = { storedBytes: bytes.length, inflatesTo: 64 * 2 ** 20, refused: report.files[0]?.skipped ?? 'not refused', cpuMs: round((spent.user + spent.system) / 1000), wallMs: round(performance.now() - clock) };
} finally {
  await rm(folder, { recursive: true, force: true });
}

const result = { machine, settings: { screenLength: SCREEN_LENGTH, fullLength: FULL_LENGTH, units: HOSTILE_UNITS.length }, rows, bomb, durationSeconds: Math.round((performance.now() - started) / 1000), loadAverageAtEnd: round(loadavg()[0] ?? 0, 2) };
const results = new URL('./results/', import.meta.url);
await mkdir(results, { recursive: true });
await writeFile(new URL('hostile-latest.json', results), `${JSON.stringify(result, null, 2)}\n`);

console.log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}; load average ${machine.loadAverageAtStart} → ${result.loadAverageAtEnd}\n`);
console.log('| reader | slowest hostile unit | CPU ms per MB | CPU ms at 10 kB / 100 kB / 1 MiB |');
console.log('|---|---|---:|---|');
for (const row of [...rows].sort((a, b) => b.msPerMB - a.msPerMB)) {
  console.log(`| ${row.target} | \`${JSON.stringify(row.slowestUnit).slice(1, -1).replaceAll('|', '\\|').slice(0, 40)}\` | ${row.msPerMB} | ${row.growth.join(' / ')} |`);
}
console.log(`\ngzip bomb (${bomb.storedBytes} B → 64 MiB): ${bomb.refused}; ${bomb.cpuMs} ms CPU, ${bomb.wallMs} ms wall`);
console.log(`\nwritten: bench/results/hostile-latest.json (${result.durationSeconds} s)`);
