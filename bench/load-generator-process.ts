/**
 * The load generator, run as a child process by `startLoadGenerator` so it has its own event loop (and,
 * on a 2-core machine, its own core) instead of sharing the server's. Answers each `LoadJob` message
 * with a `LoadResult`.
 */
import { Agent } from 'node:http';
import { runClosedLoop } from './closed-loop.js';
import type { LoadJob, LoadResult } from './load-job.js';
import { postRequest } from './post-request.js';
import { signedRequests } from './signed-requests.js';

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

process.on('message', (job: LoadJob) => {
  void run(job).then((result) => process.send?.(result));
});
process.on('disconnect', () => {
  agent.destroy();
});

async function run(job: LoadJob): Promise<LoadResult> {
  const requests = signedRequests(job);
  const url = new URL(job.url);
  const cpuBefore = process.cpuUsage();
  const result = await runClosedLoop({
    concurrency: job.concurrency,
    count: job.count,
    async send(index) {
      const { body, headers } = requests[index]!;
      const answer = await postRequest(agent, url, body, headers);
      return `${answer.status} ${/"(?:status|code)":"([^"]+)"/.exec(answer.body)?.[1] ?? ''}`.trim();
    },
  });
  const cpu = process.cpuUsage(cpuBefore);
  return { ...result, bodyBytes: Buffer.byteLength(requests[0]?.body ?? ''), clientCpu: (cpu.user + cpu.system) / 1000 / result.elapsedMs };
}
