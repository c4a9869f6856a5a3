import { z } from 'zod';
import { buildReport, type Finding, type ParsedReport } from '../finding.js';
import { InvalidReportError } from '../report-errors.js';
import { FORMAT_LABELS } from '../report-format.js';
import { packageHintsFrom } from '../sarif-package-hints.js';
import { severityFromSarifLevel, severityFromScoreText, severityFromWord, type Severity } from '../severity.js';
import { parseWith } from '../zod-issues.js';

const LABEL = FORMAT_LABELS.sarif;

const text = z.object({ text: z.string().nullish() }).nullish();
/** `security-severity` is GitHub code scanning's CVSS-like 0.0–10.0 score, written as a string. */
const properties = z.object({ 'security-severity': z.union([z.string(), z.number()]).nullish(), tags: z.array(z.unknown()).nullish() }).nullish();

const ruleSchema = z.object({
  id: z.string().nullish(),
  shortDescription: text,
  fullDescription: text,
  help: text,
  helpUri: z.string().nullish(),
  defaultConfiguration: z.object({ level: z.string().nullish() }).nullish(),
  properties,
});
type Rule = z.infer<typeof ruleSchema>;

const resultSchema = z.object({
  ruleId: z.string().nullish(),
  ruleIndex: z.number().nullish(),
  rule: z.object({ id: z.string().nullish(), index: z.number().nullish() }).nullish(),
  kind: z.string().nullish(),
  level: z.string().nullish(),
  message: text,
  baselineState: z.string().nullish(),
  suppressions: z.array(z.object({ kind: z.string().nullish(), status: z.string().nullish(), justification: z.string().nullish() })).nullish(),
  properties,
});
type Result = z.infer<typeof resultSchema>;

const runSchema = z.object({
  tool: z.object({ driver: z.object({ name: z.string(), version: z.string().nullish(), semanticVersion: z.string().nullish(), rules: z.array(ruleSchema).nullish() }) }),
  results: z.array(resultSchema).nullish(),
  invocations: z.array(z.object({ endTimeUtc: z.string().nullish() })).nullish(),
});

const logSchema = z.object({ version: z.string().nullish(), runs: z.array(runSchema) });

/** Ids a VEX statement can name. Grype's SARIF rule ids append the package ("CVE-1999-0001-package-1"). */
const ADVISORY = /^(CVE-\d{4}-\d{4,}|GHSA(?:-[0-9a-z]{4}){3})(?=$|[^0-9a-z])/i;

/** Trivy puts its own severity word in the rule's tags; its `level` folds CRITICAL and HIGH into "error". */
const TAG_WORDS = new Set(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);

function scoreOf(value: string | number | null | undefined): Severity | undefined {
  return value === null || value === undefined ? undefined : severityFromScoreText(String(value));
}

function severityOf(result: Result, rule: Rule | undefined): Severity {
  const scored = scoreOf(result.properties?.['security-severity']) ?? scoreOf(rule?.properties?.['security-severity']);
  if (scored) return scored;
  const tag = rule?.properties?.tags?.find((entry): entry is string => typeof entry === 'string' && TAG_WORDS.has(entry));
  if (tag) return severityFromWord(tag);
  // SARIF §3.27.10: result.level, else the rule's defaultConfiguration.level, else "warning".
  return severityFromSarifLevel(result.level) ?? severityFromSarifLevel(rule?.defaultConfiguration?.level) ?? 'moderate';
}

/** §3.27.23: suppressed when any suppression exists and none is still under review or rejected. */
function suppressionOf(result: Result): Finding['suppressed'] {
  const suppressions = result.suppressions ?? [];
  if (suppressions.length === 0) return undefined;
  if (suppressions.some((entry) => entry.status === 'underReview' || entry.status === 'rejected')) return undefined;
  const reasons = suppressions.map((entry) => entry.justification ?? entry.kind).filter((reason): reason is string => Boolean(reason));
  return reasons.length > 0 ? { by: 'report', justification: reasons.join('; ') } : { by: 'report' };
}

export function parseSarif(value: unknown): ParsedReport {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, 'runs')) {
    throw new InvalidReportError(LABEL, 'the log has no "runs" array, which SARIF 2.1.0 requires (§3.13.4); an empty scan is written as "runs": []');
  }
  const log = parseWith(logSchema, value, LABEL);
  if (log.version && log.version !== '2.1.0') {
    throw new InvalidReportError(LABEL, `SARIF version ${log.version} is not supported; produce SARIF 2.1.0`, 'version');
  }
  const notes: string[] = [];
  if (!log.version) notes.push('The SARIF log does not state its version; read as 2.1.0.');
  const findings: Finding[] = [];
  const tools: Array<{ name: string; version?: string }> = [];
  let generatedAt: string | undefined;

  log.runs.forEach((run, runIndex) => {
    const driver = run.tool.driver;
    const version = driver.version ?? driver.semanticVersion ?? undefined;
    if (!tools.some((tool) => tool.name === driver.name)) tools.push(version ? { name: driver.name, version } : { name: driver.name });
    generatedAt ??= run.invocations?.find((invocation) => invocation.endTimeUtc)?.endTimeUtc ?? undefined;
    if (run.results === null || run.results === undefined) {
      notes.push(`Run ${runIndex} (${driver.name}) has no results array: the tool did not report results.`);
      return;
    }
    const rules = driver.rules ?? [];
    const rulesById = new Map<string, Rule>();
    for (const rule of rules) if (rule.id && !rulesById.has(rule.id)) rulesById.set(rule.id, rule);
    let absent = 0;
    let passed = 0;

    run.results.forEach((result, resultIndex) => {
      // §3.27.24: "absent" means the result was in the baseline and is gone now — not a current finding.
      if (result.baselineState === 'absent') return void (absent += 1);
      // §3.27.9: only "fail" (the default) and the open/review/informational kinds are findings.
      if (result.kind === 'pass' || result.kind === 'notApplicable') return void (passed += 1);
      const index = result.ruleIndex ?? result.rule?.index ?? undefined;
      const rule = (index !== undefined && index >= 0 ? rules[index] : undefined) ?? rulesById.get(result.ruleId ?? result.rule?.id ?? '');
      const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id ?? undefined;
      if (!ruleId) throw new InvalidReportError(LABEL, 'the result names no rule (ruleId, rule.id or ruleIndex)', `runs[${runIndex}].results[${resultIndex}]`);
      const advisory = ADVISORY.exec(ruleId)?.[1];
      const finding: Finding = {
        id: advisory ?? ruleId,
        aliases: advisory && advisory !== ruleId ? [ruleId] : [],
        severity: severityOf(result, rule),
        source: 'sarif',
      };
      const hints = packageHintsFrom([result.message?.text ?? undefined, rule?.help?.text ?? undefined]);
      if (hints.package) finding.package = hints.package;
      if (hints.fixedVersion) finding.fixedVersion = hints.fixedVersion;
      const title = rule?.shortDescription?.text ?? result.message?.text?.split('\n')[0];
      if (title) finding.title = title;
      if (rule?.helpUri) finding.url = rule.helpUri;
      const suppressed = suppressionOf(result);
      if (suppressed) finding.suppressed = suppressed;
      findings.push(finding);
    });
    if (absent > 0) notes.push(`Run ${runIndex} (${driver.name}): ${absent} result(s) with baselineState "absent" ignored (fixed since the baseline).`);
    if (passed > 0) notes.push(`Run ${runIndex} (${driver.name}): ${passed} result(s) of kind pass/notApplicable ignored.`);
  });

  const tool = tools.length === 1 && tools[0] ? tools[0] : { name: tools.length === 0 ? 'SARIF' : tools.map((entry) => entry.name).join(' + ') };
  return buildReport({ format: 'sarif', tool, findings, notes, ...(generatedAt ? { generatedAt } : {}) });
}
