/**
 * Runs donegate's scanner over the given paths in this process (one core: the scanner is one async loop)
 * and prints one JSON line: wall and CPU seconds, bytes, findings by detector, and the RSS this process
 * sampled. Started by bench/scan-throughput.ts under `/usr/bin/time -v`, which reports the kernel's peak RSS.
 */
import { scanToReport } from '../src/scan/index.js';
import { startRssSampler } from './rss-sampler.js';

const paths = process.argv.slice(2);
const sampler = startRssSampler(50);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const report = await scanToReport(paths);
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
