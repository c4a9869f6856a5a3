import { buildReport, type Finding, type ParsedReport } from './finding.js';
import { productMatchesPackage } from './product-matches-package.js';
import type { VexDocument, VexStatement } from './vex-document.js';

function key(id: string): string {
  return id.trim().toUpperCase();
}

function appliesTo(statement: VexStatement, finding: Finding): boolean {
  if (statement.products.length === 0) return true;
  const pkg = finding.package;
  return pkg !== undefined && statement.products.some((product) => productMatchesPackage(product, pkg));
}

function justificationText(statement: VexStatement): string {
  const why = [statement.justification, statement.detail].filter(Boolean).join(' — ');
  return why ? `${statement.status}: ${why}` : statement.status;
}

/**
 * Mark findings that VEX statements declare `not_affected` or `fixed` as suppressed by VEX, then recount.
 * A statement matches by vulnerability id or alias (either side), and by package when it names products;
 * one without products applies to every finding with that id. VEX is a sequence where later statements
 * override earlier ones (OpenVEX spec, "Inheritance"), so the last matching statement — across documents
 * in the order given — decides. `affected` and `under_investigation` never suppress. Findings the tool
 * itself suppressed stay as they are.
 *
 * @example applyVex(report, [openVexDocument]).counts.high
 */
export function applyVex(report: ParsedReport, vexDocuments: readonly VexDocument[]): ParsedReport {
  const byId = new Map<string, Array<{ order: number; statement: VexStatement }>>();
  let order = 0;
  for (const document of vexDocuments) {
    for (const statement of document.statements) {
      const entry = { order: order++, statement };
      for (const id of new Set([statement.vulnerability, ...(statement.aliases ?? [])].map(key))) {
        const list = byId.get(id);
        if (list) list.push(entry);
        else byId.set(id, [entry]);
      }
    }
  }
  if (byId.size === 0) return report;

  const findings = report.findings.map((finding): Finding => {
    if (finding.suppressed) return finding;
    let decisive: { order: number; statement: VexStatement } | undefined;
    for (const id of [finding.id, ...finding.aliases]) {
      for (const entry of byId.get(key(id)) ?? []) {
        if ((decisive === undefined || entry.order > decisive.order) && appliesTo(entry.statement, finding)) decisive = entry;
      }
    }
    const status = decisive?.statement.status;
    if (!decisive || (status !== 'not_affected' && status !== 'fixed')) return finding;
    return { ...finding, suppressed: { by: 'vex', justification: justificationText(decisive.statement) } };
  });
  const { counts: _counts, highest: _highest, suppressedCount: _suppressed, ...parts } = report;
  return buildReport({ ...parts, findings });
}
