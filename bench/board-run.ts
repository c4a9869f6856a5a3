/**
 * `npm run bench:board`: the board's first page with 10,000 failing tickets (BOARD_BENCH_TICKETS to change
 * it), each with three decisions (a pass, then two blocks) and a ticket snapshot. Seeds a PostgreSQL database
 * of its own (TEST_DATABASE_URL, as the tests), then times `GET /ui/board` over HTTP through the real
 * router: the default view, a sorted one and a filtered one. Prints the median and p90 of N requests each.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startUiTestApp } from '../test/support/ui-test-app.js';
import { percentile } from './percentiles.js';

const TICKETS = Number(process.env.BOARD_BENCH_TICKETS ?? 10_000);
const RUNS = Number(process.env.BOARD_BENCH_RUNS ?? 21);
const VIEWS = ['/ui/board', '/ui/board?sort=assignee&dir=desc', '/ui/board?project=ML&criterion=pii-scan&olderThan=7d&sort=times&dir=desc'];

const load = loadavg()[0]!.toFixed(2);
const app = await startUiTestApp();
try {
  const seeded = performance.now();
  // Three decisions per ticket, written in one statement: a pass 40 days ago, then blocks on two later days.
  await app.store.db.query(
    `INSERT INTO decisions (delivery_id, tracker, ticket_key, ticket_id, from_status, to_status, outcome, rule, mode, policy_hash,
       criteria, actions, received_at, decided_at, ticket_snapshot)
     SELECT 'bench-' || n || '-' || step, 'jira', p || '-' || n, n::text, 'In Review', 'Done',
       CASE WHEN step = 0 THEN 'pass' ELSE 'fail' END, 'ml-models', 'block', repeat('a', 64),
       jsonb_build_array(jsonb_build_object('criterion', 'pii-scan', 'status', CASE WHEN step = 0 THEN 'pass' ELSE 'fail' END, 'reason', 'no PII scan evidence for this ticket'),
                         jsonb_build_object('criterion', 'dependency-audit', 'status', 'pass', 'reason', 'no known vulnerabilities')),
       '[]', t, t,
       jsonb_build_object('summary', 'Ticket number ' || n || ' about a model', 'assignee', 'Person ' || (n % 97), 'project', p,
                          'url', 'https://acme.atlassian.net/browse/' || p || '-' || n)
     FROM generate_series(1, $1::int) AS n,
          LATERAL (SELECT (ARRAY['ML', 'PLAT', 'AI', 'DATA'])[1 + n % 4] AS p) AS project,
          LATERAL (SELECT step, now() - make_interval(days => 40 - step * (1 + n % 15)) - make_interval(secs => n) AS t FROM generate_series(0, 2) AS step) AS steps`,
    [TICKETS],
  );
  await app.store.db.query('ANALYZE decisions');
  const seedMs = performance.now() - seeded;
  const headers = { authorization: `Bearer ${await app.token('viewer')}` };
  console.log(`board bench: ${TICKETS} failing tickets (${TICKETS * 3} decisions) seeded in ${(seedMs / 1000).toFixed(1)} s; load average ${load}`);
  for (const view of VIEWS) {
    const samples: number[] = [];
    for (let run = 0; run < RUNS + 2; run += 1) {
      const started = performance.now();
      const response = await fetch(`${app.url}${view}`, { headers });
      const body = await response.text();
      if (response.status !== 200 || !body.includes('<table class="board">')) throw new Error(`${view} answered ${response.status}`);
      if (run >= 2) samples.push(performance.now() - started); // two warm-up requests
    }
    samples.sort((a, b) => a - b);
    console.log(`${view}: median ${percentile(samples, 50).toFixed(1)} ms, p90 ${percentile(samples, 90).toFixed(1)} ms, max ${samples.at(-1)!.toFixed(1)} ms (${RUNS} requests)`);
  }
} finally {
  await app.close();
}
