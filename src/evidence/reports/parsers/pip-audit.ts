import { z } from 'zod';
import { buildReport, type Finding, type ParsedReport } from '../finding.js';
import { FORMAT_LABELS } from '../report-format.js';
import { parseWith } from '../zod-issues.js';

const LABEL = FORMAT_LABELS['pip-audit'];

/**
 * `pip-audit --format json` (pip_audit/_format/json.py): `{ dependencies: [...], fixes: [...] }`; before
 * 2.0 a bare array of the same dependency objects. A dependency is either resolved (`version`, `vulns`)
 * or skipped (`skip_reason`). pip-audit reports no severity at all.
 */
const dependencySchema = z.object({
  name: z.string().min(1),
  version: z.string().nullish(),
  vulns: z.array(z.object({ id: z.string().min(1), fix_versions: z.array(z.string()).nullish(), aliases: z.array(z.string()).nullish(), description: z.string().nullish() })).nullish(),
  skip_reason: z.string().nullish(),
});
type Dependency = z.infer<typeof dependencySchema>;

const documentSchema = z.union([z.object({ dependencies: z.array(dependencySchema) }), z.array(dependencySchema)]);

export function parsePipAudit(value: unknown): ParsedReport {
  const document = parseWith(documentSchema, value, LABEL);
  const dependencies: Dependency[] = Array.isArray(document) ? document : document.dependencies;
  const findings: Finding[] = [];
  const notes: string[] = [];
  for (const dependency of dependencies) {
    if (dependency.skip_reason) notes.push(`pip-audit skipped ${dependency.name}: ${dependency.skip_reason}`);
    for (const vuln of dependency.vulns ?? []) {
      const finding: Finding = {
        id: vuln.id,
        aliases: (vuln.aliases ?? []).filter((alias) => alias !== vuln.id),
        package: dependency.version ? { name: dependency.name, version: dependency.version, ecosystem: 'PyPI' } : { name: dependency.name, ecosystem: 'PyPI' },
        severity: 'unknown',
        url: `https://osv.dev/vulnerability/${encodeURIComponent(vuln.id)}`,
        source: 'pip-audit',
      };
      const fixed = vuln.fix_versions?.[0];
      if (fixed) finding.fixedVersion = fixed;
      findings.push(finding);
    }
  }
  if (findings.length > 0) notes.push('pip-audit reports no severities; its findings count as unknown severity.');
  return buildReport({ format: 'pip-audit', tool: { name: 'pip-audit' }, findings, notes });
}
