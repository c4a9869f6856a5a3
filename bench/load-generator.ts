import { startChild } from './child-process.js';
import type { LoadJob, LoadResult } from './load-job.js';

export interface LoadGenerator {
  /** Send one job's requests from the child process and wait for its figures. */
  run(job: LoadJob): Promise<LoadResult>;
  close(): void;
}

/** Start the closed-loop load generator in a child process of its own (`load-generator-process.ts`). */
export function startLoadGenerator(): LoadGenerator {
  const child = startChild(new URL('./load-generator-process.ts', import.meta.url));
  return {
    run(job) {
      const answer = child.next<LoadResult>();
      child.send(job);
      return answer;
    },
    close: () => child.close(),
  };
}
