import type { BenchReport } from './bench-report.js';

/** The report as tables for a terminal. */
export function printReport(report: BenchReport): string {
  const { machine, ingest, endToEnd, verdicts } = report;
  const lines: string[] = [];
  lines.push(`donegate bench — ${machine.date} — ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, Redis ${machine.redis}, PostgreSQL ${machine.postgres}; load average ${machine.loadAverageAtStart} at start, ${report.loadAverageAtEnd} at end`);
  lines.push('');
  lines.push('Ingest (closed loop, load generator in a child process, keep-alive http.Agent)');
  lines.push(
    table(
      ['target', 'tracker', 'body B', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'CPU srv/gen/redis', 'srv CPU ms/req', 'answers'],
      ingest.rows.map((row) => [
        row.target,
        row.tracker,
        String(row.bodyBytes),
        String(row.requestsPerSecond),
        row.latencyMs.p50.toFixed(2),
        row.latencyMs.p99.toFixed(2),
        row.latencyMs.max.toFixed(1),
        `${row.cpu.server}/${row.cpu.loadGenerator}/${row.cpu.redis}`,
        row.serverCpuMsPerRequest.toFixed(3),
        Object.entries(row.outcomes).map(([outcome, n]) => `${outcome}×${n}`).join(', '),
      ]),
    ),
  );
  lines.push(`receiver ÷ bare: rate jira ${ingest.ratio.jira}, linear ${ingest.ratio.linear}; CPU-cost (bare ms/req ÷ receiver ms/req) jira ${ingest.cpuRatio.jira}, linear ${ingest.cpuRatio.linear}; jobs in the queue afterwards ${ingest.enqueued.found} of ${ingest.enqueued.expected}`);
  lines.push('');
  lines.push(`End to end (open loop ${endToEnd.ratePerSecond}/s, after ${endToEnd.warmup} warm-up deliveries: ${endToEnd.sent} deliveries over ${(endToEnd.sendElapsedMs / 1000).toFixed(1)} s, worker concurrency ${endToEnd.workerConcurrency})`);
  const l = endToEnd.latencyMs;
  lines.push(
    table(
      ['202 → comment', 'n', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
      (
        [
          ['all', l.all],
          ['jira', l.jira],
          ['linear', l.linear],
          ['(send → 202)', endToEnd.acceptMs],
        ] as const
      ).map(([name, s]) => [name, String(s.count), s.p50.toFixed(1), s.p90.toFixed(1), s.p99.toFixed(1), s.max.toFixed(1)]),
    ),
  );
  const e = endToEnd.errors;
  lines.push(
    `accepted ${endToEnd.accepted}, commented ${endToEnd.commented}, decisions recorded ${endToEnd.decisionsRecorded}; errors: not accepted ${e.notAccepted}, request ${e.requestErrors}, failed jobs ${endToEnd.jobsFailed}, simulator violations ${e.simulatorViolations}, missing comments ${e.missingComments}; max send lag ${endToEnd.maxSendLagMs} ms; donegate RSS ${Math.round(endToEnd.startRssBytes / 2 ** 20)} MiB at start, ${Math.round(endToEnd.peakRssBytes / 2 ** 20)} MiB peak; CPU per decision: donegate ${endToEnd.cpuPerDecisionMs.donegate} ms, Redis ${endToEnd.cpuPerDecisionMs.redis} ms`,
  );
  lines.push(
    `work per decision: tracker API calls jira ${endToEnd.trackerCallsPerDecision.jira}, linear ${endToEnd.trackerCallsPerDecision.linear}; SQL statements ${endToEnd.perDecision.sqlStatements}; Redis commands ${endToEnd.perDecision.redisCommands}`,
  );
  lines.push(`comments seen per second: ${endToEnd.timeline.map((t) => t.commented).join(' ')}`);
  lines.push('');
  lines.push(table(['target', 'measured', 'result'], verdicts.map((v) => [v.target, v.measured, v.pass ? 'PASS' : 'FAIL'])));
  return lines.join('\n');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
