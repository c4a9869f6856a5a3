import { stat, writeFile } from 'node:fs/promises';
import { IgnoreFileError, readIgnoreFile, type IgnoreEntry } from '../scan/allow/index.js';
import type { CustomRuleSet } from '../scan/custom-rules/parse-gitleaks-config.js';
import { FingerprintKeyError, isPhoneCountry, type FingerprintKey } from '../scan/index.js';
import type { ScanReport, ScanSelection } from '../scan/scan-types.js';
import { applyBaseline } from '../scan-report/apply-baseline.js';
import { applyCustomRules } from '../scan-report/apply-custom-rules.js';
import { applyIgnoreFile } from '../scan-report/apply-ignore-file.js';
import type { BaselineEntry } from '../scan-report/baseline-file.js';
import { formatJsonReport } from '../scan-report/format-json-report.js';
import { formatScanReport, isScanOutputFormat, SCAN_OUTPUT_FORMATS } from '../scan-report/format-scan-report.js';
import { reportOfKind } from '../scan-report/report-of-kind.js';
import type { RetryDeps, Streams } from './evidence-submit.js';
import { resolveScanFingerprintKey } from './scan-fingerprint-key.js';
import { unknownTrackerProblem } from './unknown-tracker-problem.js';
import { exitAfterUploads, readSubmitFlags } from './submit-flags.js';
import { createProgressLine, type ScanProgress } from './scan-progress-line.js';

// What only some runs need loads with them: the baseline file's reader (YAML, zod) with --baseline or
// --write-baseline, the uploader and the CI run URL's schema (zod) with --submit or --ci-run-url.
const baselineFile = () => import('../scan-report/baseline-file.js');

/** The scanner as the command uses it; `main` passes the scan library's `scanToReport`. */
export type ScanFunction = (
  paths: string[],
  options: {
    onProgress?: (progress: ScanProgress) => void;
    countries?: string[];
    fingerprintKey: FingerprintKey;
    maxInflatedBytes?: number;
    maxInflateRatio?: number;
    select?: ScanSelection;
    customRules?: CustomRuleSet[];
    threads?: number;
  },
) => Promise<ScanReport>;

export interface ScanCommandOptions {
  format: string;
  baseline?: string;
  writeBaseline?: string;
  submit?: boolean;
  /** With --submit: exit 1 on findings, as without --submit, rather than 0 once the upload succeeded. */
  failOnFindings?: boolean;
  tracker?: string;
  ticket?: string;
  criterion?: string;
  source?: string;
  /** With --submit: the https page of the CI run (default: GitHub Actions' or GitLab's own). */
  ciRunUrl?: string;
  /** With --submit: upload retries (default 4; 0 sends once). */
  retries?: string;
  /** With --submit: wait for the re-evaluations the uploads trigger and exit by their verdict. */
  wait?: boolean;
  /** With --wait: how long to wait (default 5m). */
  timeout?: string;
  /**
   * ISO 3166 countries, comma-separated, whose numbering plans apply to phone numbers written without `+`
   * (default US). More than one trades precision for recall: see BENCHMARKS.md.
   */
  country?: string;
  /** A file holding the fingerprint key (hex or base64); default DONEGATE_FINGERPRINT_KEY_FILE or DONEGATE_FINGERPRINT_KEY. */
  fingerprintKeyFile?: string;
  /** A gzip file inflating past this many bytes is refused as unreadable (default 16 GiB). */
  maxInflatedBytes?: string;
  /** A gzip file inflating more than this many times its compressed size is refused as unreadable (default 100). */
  maxInflateRatio?: string;
  /** A gitleaks TOML config whose `[[rules]]` run as custom secret detectors, besides the built-in ones. */
  config?: string;
  /** False with --no-gitignore; commander sets true otherwise (tests may leave it out: honoured). */
  gitignore?: boolean;
  /** --include globs, matched against the path relative to each folder scanned. */
  include?: string[];
  /** --exclude globs, likewise. */
  exclude?: string[];
  /** Only files changed since this git ref. */
  since?: string;
  /** Show progress on stderr even when it is not a terminal. */
  progress?: boolean;
  /** Worker threads for big scans (default one per CPU; 1 scans on one thread). */
  threads?: string;
}

/** The custom rules of `--config`, loaded (with re2js and the TOML parser) only when asked for. */
async function loadCustomRules(options: ScanCommandOptions, err: NodeJS.WritableStream): Promise<CustomRuleSet[] | undefined> {
  // The report lists the warnings too; a text report is read on the terminal, so they are not said twice.
  if (options.config === undefined) return [];
  const { readCustomRules, CustomRulesError } = await import('../scan/custom-rules/index.js');
  try {
    const set = await readCustomRules(options.config);
    if (options.format !== 'text') for (const warning of set.warnings) err.write(`donegate scan: warning: ${warning}\n`);
    return [set];
  } catch (error) {
    if (!(error instanceof CustomRulesError)) throw error;
    err.write(`donegate scan: ${error.message}\n`);
    return undefined;
  }
}

/** The `.donegateignore` entries at the root of each folder scanned. */
async function loadIgnoreEntries(paths: readonly string[]): Promise<IgnoreEntry[]> {
  const entries: IgnoreEntry[] = [];
  for (const path of paths) {
    const isFolder = await stat(path).then((stats) => stats.isDirectory(), () => false);
    if (isFolder) entries.push(...(await readIgnoreFile(path)));
  }
  return entries;
}

/** How the flags choose the files under each folder. */
const selectionOf = (options: ScanCommandOptions): ScanSelection => ({
  gitignore: options.gitignore !== false,
  include: options.include ?? [],
  exclude: options.exclude ?? [],
  ...(options.since !== undefined ? { since: options.since } : {}),
});

/** A positive whole number written in decimal digits, or undefined. */
const positiveWhole = (text: string | undefined): number | undefined => (text !== undefined && /^[1-9]\d{0,15}$/.test(text) ? Number(text) : undefined);

/** The inflate limits the flags ask for, as scan options. */
function inflateLimitsOf(options: ScanCommandOptions): { maxInflatedBytes?: number; maxInflateRatio?: number } {
  const maxInflatedBytes = positiveWhole(options.maxInflatedBytes);
  const maxInflateRatio = positiveWhole(options.maxInflateRatio);
  return { ...(maxInflatedBytes !== undefined ? { maxInflatedBytes } : {}), ...(maxInflateRatio !== undefined ? { maxInflateRatio } : {}) };
}

export interface ScanCommandDeps extends Streams {
  err: NodeJS.WritableStream & { isTTY?: boolean };
  scan: ScanFunction;
  env: NodeJS.ProcessEnv;
  /** How upload retries wait; tests shorten them. */
  retry?: RetryDeps;
}

const SCAN_CRITERIA = ['pii-scan', 'secret-scan'] as const;

async function usageProblem(options: ScanCommandOptions): Promise<string | undefined> {
  if (!isScanOutputFormat(options.format)) return `--format must be one of ${SCAN_OUTPUT_FORMATS.join(', ')}`;
  if (options.submit && (!options.tracker || !options.ticket)) return '--submit needs --tracker and --ticket';
  if (options.criterion !== undefined && !(SCAN_CRITERIA as readonly string[]).includes(options.criterion)) return `--criterion must be one of ${SCAN_CRITERIA.join(', ')}`;
  if (options.criterion !== undefined && !options.submit) return '--criterion only applies with --submit';
  if (options.ciRunUrl !== undefined && !options.submit) return '--ci-run-url only applies with --submit';
  if (options.failOnFindings && !options.submit) return '--fail-on-findings only applies with --submit (without it, findings already exit 1)';
  if ((options.retries !== undefined || options.wait) && !options.submit) return `${options.wait ? '--wait' : '--retries'} only applies with --submit`;
  const flags = readSubmitFlags(options);
  if (!flags.ok) return flags.problem;
  const runUrl = options.ciRunUrl === undefined ? undefined : (await import('../domain/ci-run-url.js')).parseCiRunUrl(options.ciRunUrl);
  if (runUrl && !runUrl.ok) return `--ci-run-url: ${runUrl.problem}`;
  if (options.maxInflatedBytes !== undefined && positiveWhole(options.maxInflatedBytes) === undefined) return '--max-inflated-bytes takes a whole number of bytes, such as 1073741824';
  if (options.maxInflateRatio !== undefined && positiveWhole(options.maxInflateRatio) === undefined) return '--max-inflate-ratio takes a whole number, such as 100';
  // A ref that looks like an option would be read as one by git.
  if (options.since !== undefined && (options.since.trim() === '' || options.since.startsWith('-'))) return '--since takes a git ref (branch, tag or commit), such as origin/main';
  if ([...(options.include ?? []), ...(options.exclude ?? [])].some((glob) => glob.trim() === '')) return '--include and --exclude take a non-empty glob, such as "**/*.csv" or vendor/';
  if (options.threads !== undefined && positiveWhole(options.threads) === undefined) return '--threads takes a whole number of threads, such as 2 (1 scans without worker threads)';
  if (options.country !== undefined) {
    const unknown = countriesOf(options.country).filter((code) => !/^[A-Z]{2}$/.test(code) || !isPhoneCountry(code));
    if (unknown.length > 0 || countriesOf(options.country).length === 0) {
      return `--country takes two-letter ISO 3166 codes with a phone numbering plan, comma-separated, such as US or GB,DE${unknown.length > 0 ? ` (not one: ${unknown.join(', ')})` : ''}`;
    }
  }
  return undefined;
}

/** A baseline matches fingerprints of other runs, so it needs a key that outlives this one. */
function noLastingKeyProblem(options: ScanCommandOptions): string | undefined {
  const flag = options.baseline ? '--baseline' : options.writeBaseline ? '--write-baseline' : undefined;
  if (flag === undefined) return undefined;
  return `${flag} needs the same fingerprint key on every run: set DONEGATE_FINGERPRINT_KEY (e.g. \`openssl rand -base64 32\`, kept as a CI secret) or --fingerprint-key-file`;
}

const countriesOf = (list: string): string[] =>
  list
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code.length > 0);

/**
 * `donegate scan PATH…`: scan, print the report (masked values only), optionally write a baseline and
 * submit the report as evidence. Exit 0 no findings left after the baseline, 1 findings, 2 usage, I/O
 * or upload error. With --submit the exit code follows the upload: 0 once it succeeded, whatever the
 * findings (donegate judges them against the ticket's policy), unless --fail-on-findings.
 *
 * With --submit and no --criterion, the PII findings go to pii-scan and the secrets to secret-scan, two
 * records each judged by its own criterion; with --criterion the whole report goes to that one.
 */
export async function runScanCommand(paths: string[], options: ScanCommandOptions, deps: ScanCommandDeps): Promise<number> {
  const { out, err } = deps;
  const problem = (await usageProblem(options)) ?? (options.submit && options.tracker ? await unknownTrackerProblem(options.tracker) : undefined);
  if (problem) {
    err.write(`donegate scan: ${problem}\n`);
    return 2;
  }
  let fingerprintKey: FingerprintKey;
  let lastingKey = false;
  try {
    const resolved = await resolveScanFingerprintKey(options.fingerprintKeyFile, deps.env);
    fingerprintKey = resolved.key;
    lastingKey = resolved.lasting;
    const problem = resolved.lasting ? undefined : noLastingKeyProblem(options);
    if (problem) {
      err.write(`donegate scan: ${problem}\n`);
      return 2;
    }
    if (!resolved.lasting && (options.format !== 'text' || options.submit)) {
      err.write('donegate scan: no DONEGATE_FINGERPRINT_KEY set, so fingerprints are keyed for this run only and will not match another run\'s\n');
    }
  } catch (error) {
    if (!(error instanceof FingerprintKeyError)) throw error;
    err.write(`donegate scan: ${error.message}\n`);
    return 2;
  }
  const uploader = options.submit ? await import('./evidence-submit.js') : undefined;
  const endpoint = uploader?.donegateEndpoint(deps.env, err);
  if (options.submit && !endpoint) return 2;
  let baseline: BaselineEntry[] = [];
  let ignored: IgnoreEntry[];
  try {
    if (options.baseline) baseline = await (await baselineFile()).readBaseline(options.baseline, fingerprintKey);
    ignored = await loadIgnoreEntries(paths);
  } catch (error) {
    if (!(error instanceof IgnoreFileError) && !(error instanceof (await baselineFile()).BaselineError)) throw error;
    err.write(`donegate scan: ${error.message}\n`);
    return 2;
  }
  if (ignored.length > 0 && !lastingKey) err.write(`donegate scan: the ${ignored.length} .donegateignore entries match fingerprints of one key only: set DONEGATE_FINGERPRINT_KEY to the key they were made under\n`);
  const customRules = await loadCustomRules(options, err);
  if (customRules === undefined) return 2;

  const progress = createProgressLine(err, { always: options.progress === true });
  let scanned: ScanReport;
  try {
    scanned = await deps.scan(paths, {
      onProgress: progress.update,
      fingerprintKey,
      select: selectionOf(options),
      ...inflateLimitsOf(options),
      ...(options.country ? { countries: countriesOf(options.country) } : {}),
      ...(customRules.length > 0 ? { customRules } : {}),
      ...(options.threads !== undefined ? { threads: Number(options.threads) } : {}),
    });
  } catch (error) {
    err.write(`donegate scan: ${(error as Error).message}\n`);
    return 2;
  } finally {
    progress.done();
  }
  // Custom rules' path conditions, then the allow-lists (listed in the report), then the baseline (counted).
  scanned = applyIgnoreFile(applyCustomRules(scanned, customRules), ignored);
  const report = applyBaseline(scanned, baseline);

  if (options.writeBaseline) {
    try {
      await writeFile(options.writeBaseline, (await baselineFile()).serialiseBaseline(report.findings, options.writeBaseline, fingerprintKey, baseline));
    } catch (error) {
      err.write(`donegate scan: cannot write ${options.writeBaseline}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return 2;
    }
    err.write(`wrote ${report.findings.length} new finding(s) to ${options.writeBaseline}: write each reason, then scan with --baseline ${options.writeBaseline}\n`);
  }
  out.write(formatScanReport(report, options.format as (typeof SCAN_OUTPUT_FORMATS)[number]));

  let verdict: number | undefined;
  if (uploader && endpoint) {
    const flags = readSubmitFlags(options);
    const retries = flags.ok && flags.retries !== undefined ? { retries: flags.retries } : {};
    const outcomes = [];
    const parts: Array<[string, ScanReport]> = options.criterion
      ? [[options.criterion, report]]
      : [['pii-scan', applyBaseline(reportOfKind(scanned, 'pii'), baseline)], ['secret-scan', applyBaseline(reportOfKind(scanned, 'secret'), baseline)]];
    for (const [criterion, part] of parts) {
      const upload = { tracker: options.tracker!, ticket: options.ticket!, criterion, bytes: Buffer.from(formatJsonReport(part)), filename: `${criterion}-report.json`, ...(options.source ? { source: options.source } : {}), ...(options.ciRunUrl ? { ciRunUrl: options.ciRunUrl } : {}), ...retries };
      // Upload messages go to stderr: stdout carries the report, which may be piped into a file.
      const outcome = await uploader.uploadEvidence(upload, endpoint, deps.env, { out: err, err }, deps.retry);
      if (outcome.code !== 0) return 2;
      outcomes.push(outcome);
    }
    if (flags.ok && flags.waitMs !== undefined) verdict = await exitAfterUploads(outcomes, flags.waitMs, deps.env, { out: err, err });
  }
  // A file that could not be read was not scanned: "clean" would claim more than was checked.
  const unread = report.files.filter((file) => file.skipped?.startsWith('unreadable'));
  const sayUnread = () => err.write(`donegate scan: ${unread.length} file(s) could not be read, so the scan is incomplete: ${unread.map((f) => `${f.file} (${f.skipped})`).join(', ')}\n`);
  // With --wait the verdict decides: donegate has judged the findings against the ticket's policy.
  if (verdict !== undefined) {
    if (unread.length > 0) sayUnread();
    return verdict;
  }
  if (options.submit && !options.failOnFindings) {
    if (unread.length > 0) sayUnread();
    return 0;
  }
  if (report.findings.length > 0) return 1;
  if (unread.length > 0) {
    sayUnread();
    return 2;
  }
  return 0;
}

/** Add `donegate scan` to the program. */
