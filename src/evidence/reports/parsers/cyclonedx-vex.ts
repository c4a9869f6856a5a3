import { z } from 'zod';
import { InvalidReportError } from '../report-errors.js';
import { FORMAT_LABELS } from '../report-format.js';
import type { VexDocument, VexStatement, VexStatus } from '../vex-document.js';
import { parseWith } from '../zod-issues.js';

const LABEL = FORMAT_LABELS['cyclonedx-vex'];

/**
 * CycloneDX 1.4+ `vulnerabilities[].analysis.state` (https://cyclonedx.org/docs/1.6/json/#vulnerabilities_items_analysis_state)
 * → VEX status. `false_positive` means the scanner was wrong, so nothing is affected.
 */
const STATE_TO_STATUS: Record<string, VexStatus> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  fixed: 'fixed',
  exploitable: 'affected',
  affected: 'affected',
  in_triage: 'under_investigation',
  under_investigation: 'under_investigation',
};

const componentSchema = z.object({
  'bom-ref': z.string().nullish(),
  name: z.string().nullish(),
  group: z.string().nullish(),
  version: z.string().nullish(),
  purl: z.string().nullish(),
  get components() {
    return z.array(componentSchema).nullish();
  },
});
type Component = z.infer<typeof componentSchema>;

const bomSchema = z.object({
  metadata: z.object({ component: componentSchema.nullish() }).nullish(),
  components: z.array(componentSchema).nullish(),
  vulnerabilities: z.array(
    z.object({
      id: z.string().min(1),
      references: z.array(z.object({ id: z.string() })).nullish(),
      analysis: z
        .object({
          state: z.string().nullish(),
          justification: z.string().nullish(),
          detail: z.string().nullish(),
        })
        .nullish(),
      affects: z.array(z.object({ ref: z.string() })).nullish(),
    }),
    { error: 'a CycloneDX document without a "vulnerabilities" array carries no VEX statements (is this an SBOM?)' },
  ),
});

/** bom-ref → the identifiers a finding can be matched by: its purl, else name@version. */
function indexComponents(roots: Component[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const stack = [...roots];
  while (stack.length > 0) {
    const component = stack.pop() as Component;
    stack.push(...(component.components ?? []));
    const ref = component['bom-ref'];
    if (!ref) continue;
    const ids: string[] = [];
    if (component.purl) ids.push(component.purl);
    if (component.name) {
      const name = component.group ? `${component.group}/${component.name}` : component.name;
      ids.push(component.version ? `${name}@${component.version}` : name);
    }
    index.set(ref, ids);
  }
  return index;
}

export function parseCycloneDxVex(value: unknown): VexDocument {
  const bom = parseWith(bomSchema, value, LABEL);
  if (bom.vulnerabilities.length > 0 && bom.vulnerabilities.every((vulnerability) => !vulnerability.analysis?.state)) {
    // Scanners can also write their findings as CycloneDX; without analysis those are a report, not VEX.
    throw new InvalidReportError(
      LABEL,
      'no vulnerability carries analysis.state, so this is a scan result in CycloneDX form rather than VEX; upload the scanner\'s own JSON or SARIF instead',
      'vulnerabilities[*].analysis.state',
    );
  }
  const components = indexComponents([...(bom.metadata?.component ? [bom.metadata.component] : []), ...(bom.components ?? [])]);
  const statements = bom.vulnerabilities.map((vulnerability, index): VexStatement => {
    const state = vulnerability.analysis?.state;
    // Missing analysis on one entry among analysed ones means nobody has looked yet.
    const status = state ? STATE_TO_STATUS[state] : 'under_investigation';
    if (!status) throw new InvalidReportError(LABEL, `unknown analysis.state "${state}"`, `vulnerabilities[${index}].analysis.state`);
    const products = new Set<string>();
    for (const { ref } of vulnerability.affects ?? []) {
      // A BOM-Link ("urn:cdx:serial/version#bom-ref") points into another BOM; its fragment is the bom-ref.
      const local = ref.startsWith('urn:cdx:') && ref.includes('#') ? ref.slice(ref.indexOf('#') + 1) : ref;
      products.add(local);
      for (const id of components.get(local) ?? []) products.add(id);
    }
    const statement: VexStatement = { vulnerability: vulnerability.id, products: [...products], status };
    const aliases = (vulnerability.references ?? []).map((reference) => reference.id).filter((id) => id !== vulnerability.id);
    if (aliases.length > 0) statement.aliases = aliases;
    if (state === 'false_positive') statement.justification = 'false_positive';
    else if (vulnerability.analysis?.justification) statement.justification = vulnerability.analysis.justification;
    if (vulnerability.analysis?.detail) statement.detail = vulnerability.analysis.detail;
    return statement;
  });
  return { format: 'cyclonedx-vex', statements };
}
