import type { z } from 'zod';
import type { EvidenceRecord } from '../evidence/evidence-record.js';
import {
  applyVex,
  atOrAbove,
  formatReportSummary,
  isReportFormat,
  parseEvidenceReport,
  UnrecognisedReportError,
  type ParsedReport,
  type VexDocument,
} from '../evidence/reports/index.js';
import { advisoryWaivers, waiverFor } from '../waivers/advisory-waivers.js';
import { describeExpiredWaiver, describeWaiver } from '../waivers/waiver.js';
import type { CriterionResult } from '../domain/index.js';
import { defineCriterion, type CriterionContext } from './criterion.js';
import { dependencyAuditOptionsSchema as options } from './criterion-options.js';
import { submitCommand } from './evidence-hint.js';
import { judgeLatestEvidence } from './judge-latest-evidence.js';
import { withProvenance } from './with-provenance.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const WORST_SHOWN = 5;

type Options = z.infer<typeof options>;

const ID = 'dependency-audit';

const isReport = (record: EvidenceRecord) => record.summary.kind === 'vulnerability-report';
const isVex = (record: EvidenceRecord) => record.summary.kind === 'vex';

export const dependencyAudit = defineCriterion<Options>({
  id: 'dependency-audit',
  title: 'Open-source dependencies checked for known vulnerabilities',
  optionsSchema: options,

  evaluate(context, { failOn, maxAgeDays, unknownSeverity }) {
    const fix = `run \`npm audit --json > audit.json\` (or OSV-Scanner, Trivy, Grype, pip-audit) in CI, then \`${submitCommand(context.ticket, this.id, 'audit.json')}\``;
    const latest = context.evidence.find((record) => isReport(record) || !isVex(record));
    // Evidence recorded without a parsed report (older records, attestations) is judged on its outcome.
    if (!latest || !isReport(latest)) {
      return judgeLatestEvidence({ ...context, evidence: latest ? [latest] : [] }, { criterion: this.id, fix, maxAgeDays });
    }
    return withProvenance(judgeAuditReport(context, latest, { failOn, maxAgeDays, unknownSeverity }, fix), latest);
  },

  parseEvidence(bytes, format) {
    if (format !== undefined && !isReportFormat(format)) {
      throw new UnrecognisedReportError(`unknown format "${format}" was named`);
    }
    const parsed = parseEvidenceReport(bytes, format ? { format } : {});
    if (parsed.kind === 'vex') {
      const count = parsed.vex.statements.length;
      return { outcome: 'pass', format: parsed.vex.format, summary: { kind: 'vex', text: `${parsed.vex.format}: ${count} VEX statement${count === 1 ? '' : 's'}`, vex: parsed.vex } };
    }
    const { report } = parsed;
    const summary = formatReportSummary(report, { limit: WORST_SHOWN });
    return {
      outcome: report.findings.some((f) => !f.suppressed) ? 'fail' : 'pass',
      format: report.format,
      summary: { kind: 'vulnerability-report', text: summary.headline, details: summary.worst, report },
    };
  },
});

/** The newest vulnerability report, with VEX statements and advisory waivers applied, against the threshold. */
function judgeAuditReport(context: CriterionContext, latest: EvidenceRecord, { failOn, maxAgeDays, unknownSeverity }: Options, fix: string): CriterionResult {
  const ageDays = Math.floor((context.now.getTime() - latest.createdAt.getTime()) / DAY_MS);
  if (ageDays > maxAgeDays) {
    return { criterion: ID, status: 'fail', reason: `the latest report is ${ageDays} days old; at most ${maxAgeDays} days are allowed`, fix };
  }
  const vex = context.evidence.filter(isVex).map((record) => record.summary.vex as VexDocument);
  const report = applyVex(latest.summary.report as ParsedReport, vex);
  const overThreshold = report.findings.filter(
    (finding) => !finding.suppressed && (atOrAbove(finding.severity, failOn) || (finding.severity === 'unknown' && unknownSeverity === 'fail')),
  );
  const { active, expired } = advisoryWaivers(context.waivers, context.now);
  const waived = overThreshold.filter((finding) => waiverFor(finding, active));
  const blocking = overThreshold.filter((finding) => !waiverFor(finding, active));
  const expiredNotes = [...new Set(blocking.flatMap((finding) => {
    const lapsed = waiverFor(finding, expired);
    return lapsed ? [describeExpiredWaiver(lapsed)] : [];
  }))];
  const waiverNote = waived.length > 0 ? `; ${waived.length} waived (${[...new Set(waived.map((f) => describeWaiver(waiverFor(f, active)!)))].join('; ')})` : '';
  const summary = formatReportSummary({ ...report, findings: blocking }, { limit: WORST_SHOWN });
  const suppressedByVex = report.findings.filter((f) => f.suppressed?.by === 'vex').length;
  const vexNote = suppressedByVex > 0 ? `; ${suppressedByVex} not applicable per VEX` : '';
  if (blocking.length === 0) {
    return { criterion: ID, status: 'pass', reason: `${report.tool.name}: no open findings at or above ${failOn}${vexNote}${waiverNote}` };
  }
  return {
    criterion: ID,
    status: 'fail',
    reason: `${report.tool.name}: ${blocking.length} open finding${blocking.length === 1 ? '' : 's'} at or above ${failOn}${vexNote}${waiverNote}`,
    fix: `upgrade the packages below (or submit a VEX statement, or ask an approver for a waiver), then submit a new report: \`${submitCommand(context.ticket, ID, 'audit.json')}\``,
    details: [...summary.worst, ...(summary.more > 0 ? [`…and ${summary.more} more`] : []), ...expiredNotes],
  };
}
