import type { Command } from 'commander';
import type { CheckArtifactDeps, CheckArtifactOptions } from './run-check-artifact.js';

export type { CheckArtifactDeps, CheckArtifactOptions } from './run-check-artifact.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Registers `check artifact` under `program`: its options and help here, the check (with zod) in run-check-artifact.ts. */
export function registerCheckCommand(program: Command, deps: CheckArtifactDeps & { setExitCode(code: number): void }): void {
  program
    .command('check')
    .description('live checks of what a ticket ships')
    .command('artifact')
    .description('check stored artifacts as encrypted-artifact does (encryption, public access, sha256); exit 0 all pass, 1 any fails, 2 usage error or could not check')
    .argument('<uri...>', 's3://bucket/key or gs://bucket/object')
    .option('--sha256 <hex>', 'expected sha256, paired with the URIs in order (repeatable)', collect)
    .option('--encryption <mode>', 'aws:kms (default), aws:kms:dsse or any')
    .option('--kms-key <key>', 'an allowed KMS key: key ARN, key id, alias/<name> or alias ARN (repeatable; default: any customer-managed key)', collect)
    .option('--require-checksum', 'fail artifacts without a declared sha256')
    .option('--json', 'print the verdicts as JSON')
    .action(async (uris: string[], options: CheckArtifactOptions) => {
      deps.setExitCode(await (await import('./run-check-artifact.js')).checkArtifacts(uris, options, deps));
    });
}
