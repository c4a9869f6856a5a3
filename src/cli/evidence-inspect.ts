import { readFile } from 'node:fs/promises';
import { describeFinding, FORMAT_LABELS, InvalidReportError, parseEvidenceReport, SEVERITIES, UnrecognisedReportError } from '../evidence/reports/index.js';

/**
 * `donegate evidence inspect FILE [--json]`: what donegate reads in a report, without submitting it.
 * Exit 0 when the report is readable, 1 when donegate would refuse it, 2 when the file cannot be read.
 */
export async function inspectEvidence(file: string, json: boolean, { out, err }: { out: NodeJS.WritableStream; err: NodeJS.WritableStream }): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    err.write(`donegate: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseEvidenceReport(bytes);
  } catch (error) {
    if (error instanceof UnrecognisedReportError || error instanceof InvalidReportError) {
      err.write(`${file}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (json) {
    out.write(`${JSON.stringify(parsed.kind === 'report' ? parsed.report : parsed.vex, null, 2)}\n`);
    return 0;
  }
  if (parsed.kind === 'vex') {
    out.write(`${file}: ${FORMAT_LABELS[parsed.vex.format]}, ${parsed.vex.statements.length} statement(s)\n`);
    for (const s of parsed.vex.statements) out.write(`  ${s.vulnerability}: ${s.status}${s.justification ? ` (${s.justification})` : ''} — ${s.products.join(', ') || 'all products'}\n`);
    return 0;
  }
  const { report } = parsed;
  out.write(`${file}: ${FORMAT_LABELS[report.format]} (${report.tool.name}${report.tool.version ? ` ${report.tool.version}` : ''})\n`);
  out.write(`  highest severity: ${report.highest}\n`);
  out.write(`  counts: ${SEVERITIES.map((s) => `${s} ${report.counts[s]}`).join(', ')}; suppressed ${report.suppressedCount}\n`);
  for (const finding of report.findings) out.write(`  - ${describeFinding(finding)}${finding.suppressed ? ` [suppressed by ${finding.suppressed.by}]` : ''}\n`);
  for (const note of report.notes) out.write(`  note: ${note}\n`);
  return 0;
}
