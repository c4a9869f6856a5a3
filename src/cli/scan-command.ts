import type { Command } from 'commander';
import { SCAN_OUTPUT_FORMATS } from '../scan-report/scan-output-formats.js';
import type { ScanCommandDeps, ScanCommandOptions } from './run-scan-command.js';

/** Commander's way to let an option repeat: each value is added to the list. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `donegate scan`: its options and help here; what it runs is in run-scan-command.ts, loaded by the action. */
export function registerScanCommand(program: Command, deps: ScanCommandDeps & { setExitCode(code: number): void }): void {
  program
    .command('scan')
    .description('scan files and folders for personal data and secrets; exit 0 clean, 1 findings, 2 usage or I/O error (with --submit: 0 once uploaded, 2 when the upload failed; with --wait: by the verdict)')
    .argument('<paths...>', 'files and folders (recursively; .gz read transparently)')
    .option('--format <format>', `report format: ${SCAN_OUTPUT_FORMATS.join(', ')}`, 'text')
    .option('--baseline <file>', 'accepted findings (JSON or YAML: fingerprint and reason), written under the same fingerprint key; counted, not listed')
    .option('--write-baseline <file>', 'write the findings to a baseline file, with a reason for you to fill in')
    .option('--submit', 'upload the JSON report as evidence (DONEGATE_URL, DONEGATE_TOKEN)')
    .option('--tracker <tracker>', "with --submit: the ticket's tracker, by its registered name")
    .option('--ticket <key>', 'with --submit: the ticket key, e.g. ML-142')
    .option('--criterion <id>', 'with --submit: send the whole report to pii-scan or secret-scan (default: PII to pii-scan, secrets to secret-scan)')
    .option('--fail-on-findings', 'with --submit: exit 1 on findings even after a successful upload')
    .option('--source <source>', 'with --submit: where the report comes from (default: the CI system, or cli)')
    .option('--ci-run-url <url>', "with --submit: the https page of the CI run (default: GitHub Actions' or GitLab's own)")
    .option('--retries <n>', 'with --submit: retries after a network error or an HTTP 429/5xx answer, with backoff (default 4; 0 sends once)')
    .option('--wait', "with --submit: wait for the ticket's re-evaluation and exit by its verdict: 0 pass, 1 fail, 2 error or timeout")
    .option('--timeout <duration>', 'with --wait: how long to wait, e.g. 90s or 10m (default 5m)')
    .option('--config <file>', 'custom secret rules in gitleaks TOML format ([[rules]], allowlists), run besides the built-in detectors; unsupported keys are warned about')
    .option('--fingerprint-key-file <file>', 'the key (hex or base64, 32+ bytes) fingerprints are keyed with, so baselines match across runs (default: DONEGATE_FINGERPRINT_KEY_FILE, DONEGATE_FINGERPRINT_KEY)')
    .option('--country <codes>', 'countries for phone numbers written without +, e.g. GB or GB,IE (default US; each added country finds more numbers and more false ones)')
    .option('--no-gitignore', 'also scan what .gitignore files and .git/info/exclude ignore (by default they are honoured inside a git work tree, except for files git tracks; what they hide is counted in the report)')
    .option('--include <glob>', 'under each folder, scan only files whose path relative to it matches (repeatable; a glob without / matches at any depth, ** crosses folders)', collect, [])
    .option('--exclude <glob>', 'under each folder, leave out files and folders whose path relative to it matches (repeatable; counted in the report)', collect, [])
    .option('--since <ref>', 'scan only files changed since the git ref (changes on this branch since it forked, plus staged, unstaged and untracked files); files named explicitly are always scanned')
    .option('--progress', 'show progress on stderr even when it is not a terminal (large files show progress while they are read)')
    .option('--max-inflated-bytes <bytes>', 'a .gz file inflating past this many bytes is refused as unreadable (default 17179869184, 16 GiB)')
    .option('--threads <n>', 'worker threads for big scans (default: one per CPU; 1 scans on one thread)')
    .option('--max-inflate-ratio <n>', 'a .gz file inflating more than n times its compressed size, after its first MiB, is refused as unreadable (default 100)')
    .action(async (paths: string[], options: ScanCommandOptions) => {
      // The scanner, its phone-number metadata and the report formats load only when a scan runs.
      const { runScanCommand } = await import('./run-scan-command.js');
      deps.setExitCode(await runScanCommand(paths, options, deps));
    });
}
