#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerMigrateCommand } from './migrate-command.js';
import { registerCheckCommand } from './check-artifact.js';
import { registerScanCommand } from './scan-command.js';
import { registerTokenCommands } from './token-commands.js';
import { registerLinkCommands } from './link-commands.js';
import { registerAuditCommands } from './audit-commands.js';
import { registerWaiverCommands } from './waiver-commands.js';

// Each command loads what it runs (the AWS SDK, PGlite, BullMQ, the scanner…) inside its action, with
// import(), so `--help`, `--version` and the light commands start without them (see BENCHMARKS.md).
const loadConfig = async () => (await import('../config/env.js')).loadConfig();

/** The version in package.json, one folder above src/ and dist/. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** The errors a command reports in one line with exit 2 (configuration, policy, an unavailable demo, a held DATA_DIR). */
async function isOneLineError(error: unknown): Promise<boolean> {
  if (!(error instanceof Error)) return false;
  const [{ ConfigError }, { PolicyError }, { DemoUnavailableError }, { DataDirInUseError }] = await Promise.all([
    import('../config/env.js'),
    import('../policy/load-policy.js'),
    import('../demo/demo-unavailable-error.js'),
    import('../store/data-dir-lock.js'),
  ]);
  return error instanceof ConfigError || error instanceof PolicyError || error instanceof DemoUnavailableError || error instanceof DataDirInUseError;
}

/** Exit codes: 0 success, 1 the check failed (policy invalid), 2 usage or configuration error. */
async function main(argv: string[]): Promise<number> {
  const program = new Command('donegate')
    .description('Security Definition-of-Done gate for Jira and Linear (ISO 27001 Annex A 5.8)')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;

  program
    .command('serve')
    .description('run the webhook receiver and the worker in one process (runs the demo when no tracker is configured)')
    .action(async () => {
      const config = await loadConfig();
      if (config.trackers.length === 0) {
        const [{ TRACKER_PLUGINS }, { runDemo }] = await Promise.all([import('../trackers/registry.js'), import('../demo/run-demo.js')]);
        process.stderr.write(
          `donegate: no tracker is configured (set the variables of ${TRACKER_PLUGINS.map((plugin) => plugin.label).join(', ')}; see README "Configuration"), so this runs the demo against built-in simulators.\n\n`,
        );
        exitCode = await runDemo({ out: process.stdout, config });
        return;
      }
      const { runService } = await import('./run-service.js');
      await runService({ receiver: true, worker: true }, config);
    });
  /** Receivers and workers run as several processes, which the embedded PGlite (one process per DATA_DIR) cannot serve. */
  const separateRole = async (role: 'receiver' | 'worker') => {
    const { ConfigError, loadConfig } = await import('../config/env.js');
    const config = loadConfig();
    if (!config.databaseUrl) {
      throw new ConfigError(
        `\`donegate ${role}\` runs as a separate process beside others, and the embedded store (DATA_DIR) serves one process only: set DATABASE_URL to a PostgreSQL database, or run \`donegate serve\``,
      );
    }
    return config;
  };
  program
    .command('receiver')
    .description('run only the webhook receiver (scale it separately from workers; needs DATABASE_URL)')
    .action(async () => {
      const config = await separateRole('receiver');
      await (await import('./run-service.js')).runService({ receiver: true, worker: false }, config);
    });
  program
    .command('worker')
    .description('run only the decision worker (needs DATABASE_URL)')
    .action(async () => {
      const config = await separateRole('worker');
      await (await import('./run-service.js')).runService({ receiver: false, worker: true }, config);
    });
  program
    .command('demo')
    .description('run the whole gate locally against a built-in simulator of every tracker and print what happened')
    .action(async () => {
      const config = await loadConfig();
      exitCode = await (await import('../demo/run-demo.js')).runDemo({ out: process.stdout, config });
    });
  /** What the commands that work on the database directly (token, audit) share. */
  const onDatabase = {
    openDb: async () => {
      const config = await loadConfig();
      return (await import('../store/open-service-database.js')).openServiceDatabase(config);
    },
    signingKey: async () => {
      const config = await loadConfig();
      return (await import('../audit/signing-key.js')).loadSigningKey(config.auditCheckpoints);
    },
    out: process.stdout,
    err: process.stderr,
    setExitCode: (code: number) => {
      exitCode = code;
    },
    // `--url` (default DONEGATE_URL) sends token and audit commands to a running service instead.
    env: process.env,
  };
  registerMigrateCommand(program, { ...onDatabase, setup: loadConfig });
  registerTokenCommands(program, onDatabase);
  registerLinkCommands(program, { ...onDatabase, publicUrl: async () => (await loadConfig()).ui.publicUrl });
  registerAuditCommands(program, onDatabase);
  registerWaiverCommands(program, onDatabase);
  const evidence = program.command('evidence').description('evidence reports');
  evidence
    .command('submit')
    .description(
      'upload a report for a ticket to a running donegate (DONEGATE_URL, DONEGATE_TOKEN); exit 0 accepted, 1 rejected, 2 usage or network error; with --wait: 0 the ticket passes, 1 it fails, 2 error or timeout',
    )
    .requiredOption('--tracker <tracker>', "the ticket's tracker, by its registered name (README \"Adding a tracker\")")
    .requiredOption('--ticket <key>', 'ticket key, e.g. ML-142')
    .requiredOption('--criterion <id>', 'criterion id, e.g. dependency-audit')
    .option('--format <format>', 'report format, when detection should not guess')
    .option('--source <source>', 'where the report comes from (default: the CI system, or cli)')
    .option('--ci-run-url <url>', "the https page of the CI run that produced the report (default: GitHub Actions' or GitLab's own)")
    .option('--artifact <uri>', 'for encrypted-artifact: an s3://bucket/key or gs://bucket/object instead of a file (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .option('--sha256 <hex>', 'with --artifact: its expected sha256, paired in order (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .option('--retries <n>', 'retries after a network error or an HTTP 429/5xx answer, with backoff (default 4; 0 sends once)')
    .option('--wait', "after the upload, wait for the ticket's re-evaluation and exit by its verdict")
    .option('--timeout <duration>', 'with --wait: how long to wait, e.g. 90s or 10m (default 5m)')
    .argument('[file]', 'the report file')
    .action(async (file: string | undefined, options: { tracker: string; ticket: string; criterion: string; format?: string; source?: string; ciRunUrl?: string; artifact?: string[]; sha256?: string[]; retries?: string; wait?: boolean; timeout?: string }) => {
      const { readSubmitFlags, exitAfterUploads } = await import('./submit-flags.js');
      const flags = readSubmitFlags(options);
      if (!flags.ok) {
        process.stderr.write(`donegate evidence submit: ${flags.problem}\n`);
        exitCode = 2;
        return;
      }
      const trackerProblem = await (await import('./unknown-tracker-problem.js')).unknownTrackerProblem(options.tracker);
      if (trackerProblem) {
        process.stderr.write(`donegate evidence submit: ${trackerProblem}\n`);
        exitCode = 2;
        return;
      }
      const streams = { out: process.stdout, err: process.stderr };
      const { artifact, sha256, retries: _retries, wait: _wait, timeout: _timeout, ...given } = options;
      const fields = { ...given, ...(flags.retries !== undefined ? { retries: flags.retries } : {}) };
      if (artifact && file === undefined) {
        const outcome = await (await import('./artifact-submit.js')).submitArtifacts({ ...fields, artifact, ...(sha256 ? { sha256 } : {}) }, process.env, streams);
        exitCode = await exitAfterUploads([outcome], flags.waitMs, process.env, streams);
      } else if (!artifact && file !== undefined && !sha256) {
        const outcome = await (await import('./evidence-submit.js')).submitEvidence({ ...fields, file }, process.env, streams);
        exitCode = await exitAfterUploads([outcome], flags.waitMs, process.env, streams);
      } else {
        process.stderr.write('donegate evidence submit: give either a report file or --artifact (with --sha256), not both\n');
        exitCode = 2;
      }
    });
  evidence
    .command('inspect')
    .description('show what donegate reads in a report, without submitting it; exit 0 readable, 1 refused, 2 unreadable file')
    .argument('<file>', 'the report file')
    .option('--json', 'print the parsed report as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      exitCode = await (await import('./evidence-inspect.js')).inspectEvidence(file, options.json === true, { out: process.stdout, err: process.stderr });
    });
  registerScanCommand(program, {
    scan: async (paths, options) => (await import('./scan-with-progress.js')).scanWithProgress(paths, options),
    env: process.env,
    out: process.stdout,
    err: process.stderr,
    setExitCode: (code) => {
      exitCode = code;
    },
  });
  registerCheckCommand(program, {
    createVerifier: async (onHashProgress) => {
      const config = await loadConfig();
      return (await import('../artifacts/create-artifact-verifier-from-config.js')).createArtifactVerifierFromConfig(config.artifacts, onHashProgress);
    },
    out: process.stdout,
    err: process.stderr,
    setExitCode: (code) => {
      exitCode = code;
    },
  });
  program
    .command('policy')
    .description('policy file tools')
    .command('check')
    .argument('<file>', 'policy YAML file')
    .description('validate a policy file; exit 0 when valid, 1 when not')
    .action(async (file: string) => {
      exitCode = await (await import('./policy-check.js')).policyCheck(file, process.stdout, process.stderr);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (await isOneLineError(error)) {
      process.stderr.write(`donegate: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv).then(
  (code) => {
    // Long-running commands keep the event loop alive; one-shot commands end here.
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`donegate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
