/**
 * Runs donegate's scanner over the given paths in this process (its worker pool, or one thread when
 * SCAN_THREADS=1; CPU seconds count every thread) and prints one JSON line: wall and CPU seconds, bytes, findings by detector, and the RSS this process
 * sampled. Started by bench/scan-throughput.ts under `/usr/bin/time -v`, which reports the kernel's peak RSS.
 */
import { scanToReport } from '../src/scan/index.js';
import { startRssSampler } from './rss-sampler.js';

const paths = process.argv.slice(2);
const sampler = startRssSampler(50);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const threads = process.env.SCAN_THREADS === undefined ? undefined : Number(process.env.SCAN_THREADS);
const report = await scanToReport(paths, threads === undefined ? {} : { threads });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const sampledPeakRss = sampler.stop();
const result = {
  seconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  bytes: report.summary.bytes,
  findings: report.findings.length,
  byDetector: report.summary.byDetector,
  skipped: report.files.filter((file) => file.skipped !== undefined).length,
  sampledPeakRss,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
