import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_PROJECT } from './bench-trackers.js';

/** Block Done on the bench project/team without dependency-audit evidence: every decision comments and moves back. */
export const BENCH_POLICY = `version: 1
rules:
  - name: bench-gate
    match:
      jira: { projects: [${BENCH_PROJECT}] }
      linear: { teams: [${BENCH_PROJECT}] }
    mode: block
    require:
      - dependency-audit
`;

export interface BenchPolicy {
  folder: string;
  policyFile: string;
  remove(): Promise<void>;
}

export async function writeBenchPolicy(): Promise<BenchPolicy> {
  const folder = await mkdtemp(join(tmpdir(), 'donegate-bench-'));
  const policyFile = join(folder, 'policy.yaml');
  await writeFile(policyFile, BENCH_POLICY);
  return { folder, policyFile, remove: () => rm(folder, { recursive: true, force: true }) };
}
