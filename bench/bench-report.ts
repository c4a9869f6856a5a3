import type { EndToEndReport } from './end-to-end.js';
import type { IngestReport } from './ingest.js';
import type { MachineInfo } from './machine-info.js';
import { BENCH } from './bench-settings.js';

export interface Verdict {
  target: string;
  measured: string;
  pass: boolean;
}

export interface BenchReport {
  machine: MachineInfo;
  settings: typeof BENCH;
  ingest: IngestReport;
  endToEnd: EndToEndReport;
  verdicts: Verdict[];
  durationSeconds: number;
  loadAverageAtEnd: number;
}

/** Hold the figures against the targets. */
export function judge(ingest: IngestReport, endToEnd: EndToEndReport): Verdict[] {
  const { ingestRatioMin, endToEndP99MaxMs } = BENCH.targets;
  const e = endToEnd.errors;
  const errorCount = e.notAccepted + e.requestErrors + endToEnd.jobsFailed + e.simulatorViolations + e.missingComments;
  return [
    ...(['jira', 'linear'] as const).map((tracker) => ({
      target: `ingest ${tracker} ≥ ${ingestRatioMin} × bare`,
      measured: `${ingest.ratio[tracker]} ×`,
      pass: ingest.ratio[tracker] >= ingestRatioMin,
    })),
    {
      target: `every accepted delivery enqueued`,
      measured: `${ingest.enqueued.found} / ${ingest.enqueued.expected}`,
      pass: ingest.enqueued.found === ingest.enqueued.expected,
    },
    {
      target: `end-to-end p99 < ${endToEndP99MaxMs} ms at ${endToEnd.ratePerSecond}/s`,
      measured: `${endToEnd.latencyMs.all.p99} ms`,
      pass: endToEnd.latencyMs.all.p99 < endToEndP99MaxMs && endToEnd.commented === endToEnd.sent,
    },
    { target: 'end-to-end without errors', measured: `${endToEnd.commented}/${endToEnd.sent} decided, ${errorCount} errors`, pass: errorCount === 0 && endToEnd.commented === endToEnd.sent },
  ];
}
