/**
 * Hostile text for the linear-time suite and `npm run bench:hostile`: every parser, section reader and
 * detector that reads text a user controls, and the inputs most likely to make a backtracking regex
 * super-linear (long runs of one character class, and near-misses that a pattern almost matches).
 */
import { artifactRefOfLink, artifactRefsInDescription } from '../../src/artifacts/find-artifact-refs.js';
import { datasetsInDescription } from '../../src/criteria/ticket-datasets.js';
import { readSha256sum } from '../../src/criteria/scan-read-manifest.js';
import { parseEvidenceReport } from '../../src/evidence/reports/index.js';
import { inlineAllowOf, parseIgnoreFile } from '../../src/scan/allow/index.js';
import { customRuleDetectors, parseGitleaksConfig } from '../../src/scan/custom-rules/index.js';
import { createDefaultDetectors } from '../../src/scan/index.js';
import { findCandidates } from '../../src/scan/find-candidates.js';
import { matchLine } from '../../src/scan/match-line.js';
import { createCsvFields } from '../../src/scan/read/csv-fields.js';
import { notebookTexts } from '../../src/scan/read/notebook-texts.js';
import { sectionLines, sectionTitle } from '../../src/trackers/description-section.js';
import { parseWaiveCommand } from '../../src/waivers/parse-waive-command.js';

/** One reader of user-controlled text, and where hostile text goes in what it reads. */
export interface HostileTarget {
  name: string;
  /** Wraps the hostile run into a whole input for the reader (a section heading, a command, a JSON field). */
  wrap: (run: string) => string;
  read: (input: string) => unknown;
}

/**
 * Repeated units: runs of spaces, NBSP, markup characters, word characters, operators and quotes, and
 * near-misses of each detector and heading form (a prefix that almost matches, over and over).
 */
export const HOSTILE_UNITS: readonly string[] = [
  ' ', '\u00a0', '\t', '*', '#', '_', 'a', 'A', '1', '=', ':', '"', "'", '`', '.', '-', '/', '@', '+', '(',
  '**a', '## ', 'h1. ', 'a ', 'A:', '1 ', '1-', '1.', '12 ', '1.2.', 'a.', 'a@', 'a@a.', '@a', 'a/', './', 'a.a/',
  '::', ':a', 'a:', 'ff:', '?', '#?', 'pass', 'pass=', 'token ', 'api key', 'x=aB3$kL9!mQ2@pR7#zT5%passpass', '=:', '= "',
  'sk-', 'sk-ant-api01-', 'AKIA', 'AIza', 'ghp_', 'github_pat_', 'glpat-', 'xoxb-1234567-', 'sk_live_', 'hf_',
  'eyJ', 'eyJhbGciOi.', 'eyJ0eXAiOiJKV1Qi.eyJ', '-----BEGIN PRIVATE KEY-----\\n', 'https://hooks.slack.com/services/T',
  'GB82', 'GB82 WEST ', 'gb82 ', '123-45-', '123 45 ', '4111 1111 ', '4111-', '+1 ', '+44 (0)', '(415) ', '00',
  '1 85 05 ', 'AB 12 34 ', 'X-1234567', 'RSSMRA85T', '2001:db8:', 'a:b:', 's3://', 's3://a.', 'gs://b/', 'a.s3-', '…',
  // Secret rules taken from secretlint's preset, and donegate's newer vendor rules.
  'ghs_1_a.', 'npm_', 'xoxb-1-', 'xapp-1-', 'SG.', 'SG.a.', 'shpat_', 'gsk_', 'lin_api_', 'ntn_1', 'glc_a+', 'glsa_', 'ops_eyA',
  'hvs.', 'hvb.', 'vcp_', 'dapi0', 'dckr_pat_', 'figd_', 'cfk_', 'tskey-auth-', 'tskey-a-aaaaaaaa-', 'gldt-', 'glptt-', 'GR1348941',
  'pypi-AgEIcHlwaS5vcmc', 'SK0', 'key-0', 'AccountKey=', 'a1Q~', 'sk-proj-', 'sk-proj-aT3BlbkFJ', 'hf_token=hf_', 'mongodb://a:b@',
];

/** `unit` repeated to `length` UTF-16 units, ending in a character that breaks most near-matches. */
export function hostileRun(unit: string, length: number): string {
  return `${unit.repeat(Math.ceil(length / unit.length)).slice(0, length - 1)}!`;
}

const detectors = createDefaultDetectors();
const KNOWN_CRITERIA = ['dependency-audit', 'pii-scan'];
const npmAuditWith = (text: string) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {
      [text.slice(0, 200)]: {
        name: text,
        severity: 'high',
        range: text,
        via: [{ source: 1, name: text, title: text, url: `https://github.com/advisories/${text}`, severity: 'high', range: text }],
        fixAvailable: false,
      },
    },
    metadata: { vulnerabilities: { high: 1 } },
  });
const sarifWith = (text: string) =>
  JSON.stringify({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: text, rules: [{ id: text, properties: { 'security-severity': text, tags: [text] } }] } }, results: [{ ruleId: text, level: 'error', message: { text } }] }],
  });
const cyclonedxWith = (text: string) =>
  JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    components: [{ 'bom-ref': text, purl: `pkg:npm/${text}@${text}`, name: text, version: text }],
    vulnerabilities: [{ id: text, affects: [{ ref: text }], analysis: { state: 'not_affected', justification: 'code_not_reachable', detail: text } }],
  });
const parseQuietly = (json: string) => {
  try {
    return parseEvidenceReport(json);
  } catch (error) {
    return error;
  }
};

/** Every reader of user-controlled text, with hostile text where it would reach a regex. */
export const HOSTILE_TARGETS: readonly HostileTarget[] = [
  { name: 'description section title', wrap: (run) => `Artifacts${run}`, read: (input) => sectionLines(`${input}\n- x`, sectionTitle('artifacts?')) },
  { name: 'description section heading', wrap: (run) => `## Artifacts\n- s3://a/b\n${run}`, read: (input) => sectionLines(input, sectionTitle('artifacts?')) },
  { name: 'description bold heading', wrap: (run) => `## Artifacts\n**a${run}**${run}`, read: (input) => sectionLines(input, sectionTitle('artifacts?')) },
  { name: 'ticket datasets', wrap: (run) => `## Datasets\n- ${run}\n- (${run}.csv`, read: datasetsInDescription },
  { name: 'artifact refs', wrap: (run) => `## Artifacts\n- s3://bucket/${run}\n- ${run}`, read: artifactRefsInDescription },
  { name: 'artifact link', wrap: (run) => `s3://bucket/key${run}\n`, read: (input) => artifactRefOfLink(input, 'link') },
  { name: 'artifact link host', wrap: (run) => `https://${run}.s3.amazonaws.com/key`, read: (input) => artifactRefOfLink(input, 'link') },
  { name: 'waive command', wrap: (run) => `/donegate waive dependency-audit ${run} until ${run}: ${run}`, read: (input) => parseWaiveCommand(input, KNOWN_CRITERIA) },
  { name: 'sha256sum manifest', wrap: (run) => `${'a'.repeat(64)}  ${run}\n${run}`, read: readSha256sum },
  { name: 'npm audit report', wrap: npmAuditWith, read: parseQuietly },
  { name: 'SARIF report', wrap: sarifWith, read: parseQuietly },
  { name: 'CycloneDX VEX', wrap: cyclonedxWith, read: parseQuietly },
  { name: 'CSV header', wrap: (run) => `"${run}",${run},"a""${run}"`, read: (input) => createCsvFields(',').advance(input) },
  { name: 'notebook', wrap: (run) => JSON.stringify({ cells: [{ cell_type: 'code', source: [run], outputs: [{ text: [run] }] }] }), read: notebookTexts },
  ...detectors.map((detector) => ({ name: `detector ${detector.id}`, wrap: (run: string) => run, read: (input: string) => matchLine(input, [detector]) })),
  // A gitleaks config is user input too: its regex, however it is written, runs with RE2.
  ...customRuleDetectors([parseGitleaksConfig(`[[rules]]\nid = "backtracker"\nregex = '''(?i)(?:key|secret)(?:[a-z_ .-]*)*\\s*=\\s*((?:[a-z0-9]+)+)$'''\n`, 'hostile.toml')]).map((detector) => ({
    name: `detector ${detector.id}`,
    wrap: (run: string) => `key=${run}`,
    read: (input: string) => matchLine(input, [detector]),
  })),
  { name: 'donegate:allow reason', wrap: (run) => `k = 1 # donegate:allow reason="${run}`, read: (input) => inlineAllowOf(input, []) },
  { name: '.donegateignore line', wrap: (run) => `${'a'.repeat(16)} by=${run} # ${run}\n${'b'.repeat(70)}${run}`, read: (input) => {
    try {
      return parseIgnoreFile(input, '.donegateignore');
    } catch (error) {
      return error;
    }
  } },
  {
    name: 'all detectors, batched lines',
    wrap: (run: string) => `${run}\n${run.slice(0, 4096)}\n${run}`,
    read: (input: string) => findCandidates(input.split('\n'), detectors, input),
  },
];

/** Median CPU time (user + system, ms) of `runs` calls: CPU time, so other processes on the machine count less. */
export function medianCpuMs(run: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const before = process.cpuUsage();
    run();
    const spent = process.cpuUsage(before);
    times.push((spent.user + spent.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/**
 * CPU time a linear reader may spend on `length` characters of input: 1 µs per character (1 MB/s, a tenth of the
 * slowest detector's speed) plus 25 ms for setup and a busy machine. Quadratic code blows through it long
 * before 1 MB, and a catastrophic regex at a few hundred characters.
 */
export const cpuBudgetMs = (length: number): number => 25 + length / 1000;

/** A step ten times larger may take this many times longer: linear is 10, quadratic 100. */
export const MAX_GROWTH_PER_TENFOLD = 40;
/** Below this many ms a measurement is mostly timer, JIT and collector noise, so growth is counted from here (a 0.3 ms step read at 10,000 characters was followed by one 24 ms collection at 100,000 on a busy machine). */
export const GROWTH_FLOOR_MS = 1;
/**
 * A step read faster than this (200 MB/s) is mostly the cost of touching memory, and that cost per byte rises once
 * the input no longer fits the CPU's caches: a reader that skipped 1.2 MB in 0.96 ms (it fits) took 71 ms for
 * 12.6 MB (it does not). Growth is counted from at least this speed, which is still far above any quadratic reader's.
 */
export const GROWTH_FLOOR_CHARS_PER_MS = 200_000;

export interface GrowthReport {
  /** Characters of hostile run, and the median CPU ms spent on each size measured. */
  steps: Array<{ length: number; characters: number; ms: number }>;
  /** Why the reader is not linear on this input, or undefined when it is. */
  problem?: string;
}

/**
 * Times `target` on `unit` repeated to each length in `lengths` (ascending), stopping at the first step that
 * is over budget or grows clearly faster than the input, so a catastrophic regex fails at a small size
 * instead of hanging the run.
 */
export function measureGrowth(target: HostileTarget, unit: string, lengths: readonly number[], runs = 3): GrowthReport {
  const steps: GrowthReport['steps'] = [];
  for (const length of lengths) {
    const input = target.wrap(hostileRun(unit, length));
    const previous = steps.at(-1);
    const budget = cpuBudgetMs(input.length);
    const floor = previous ? Math.max(GROWTH_FLOOR_MS, previous.characters / GROWTH_FLOOR_CHARS_PER_MS) : GROWTH_FLOOR_MS;
    const allowed = Math.min(budget, previous ? MAX_GROWTH_PER_TENFOLD ** Math.log10(length / previous.length) * Math.max(previous.ms, floor) : Infinity);
    let ms = medianCpuMs(() => target.read(input), runs);
    // One slow run can be a garbage collection or a compile: only the median of several counts against the reader.
    if (ms > allowed && ms <= 2 * budget) ms = medianCpuMs(() => target.read(input), 5);
    steps.push({ length, characters: input.length, ms });
    const label = `${target.name} on ${JSON.stringify(unit.slice(0, 40))} × ${length}`;
    if (ms > budget) return { steps, problem: `${label}: ${ms.toFixed(1)} ms CPU, over the ${budget.toFixed(0)} ms budget for ${input.length} characters` };
    if (previous && ms > allowed) return { steps, problem: `${label}: ${ms.toFixed(1)} ms CPU after ${previous.ms.toFixed(2)} ms at ${previous.length}, super-linear growth` };
  }
  return { steps };
}
