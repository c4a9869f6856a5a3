import { z } from 'zod';
import { FORMAT_LABELS } from '../report-format.js';
import { VEX_STATUSES, type VexDocument, type VexStatement } from '../vex-document.js';
import { parseWith } from '../zod-issues.js';

const LABEL = FORMAT_LABELS.openvex;

/**
 * OpenVEX v0.2.0 (https://github.com/openvex/spec/blob/main/OPENVEX-SPEC.md). v0.0.x wrote the
 * vulnerability and products as plain strings; both shapes are read.
 */
const componentSchema = z.object({
  '@id': z.string().nullish(),
  identifiers: z.record(z.string(), z.string()).nullish(),
});
const productSchema = z.union([z.string(), componentSchema.extend({ subcomponents: z.array(z.union([z.string(), componentSchema])).nullish() })]);
type ComponentLike = string | z.infer<typeof componentSchema>;

const documentSchema = z.object({
  statements: z.array(
    z.object({
      vulnerability: z.union([
        z.string().min(1),
        z.object({ name: z.string().min(1), '@id': z.string().nullish(), aliases: z.array(z.string()).nullish() }),
      ]),
      products: z.array(productSchema).nullish(),
      status: z.enum(VEX_STATUSES),
      justification: z.string().nullish(),
      impact_statement: z.string().nullish(),
      status_notes: z.string().nullish(),
    }),
  ),
});

function identifiersOf(component: ComponentLike): string[] {
  if (typeof component === 'string') return [component];
  return [component['@id'], ...Object.values(component.identifiers ?? {})].filter((id): id is string => Boolean(id));
}

export function parseOpenVex(value: unknown): VexDocument {
  const document = parseWith(documentSchema, value, LABEL);
  const statements = document.statements.map((entry): VexStatement => {
    const name = typeof entry.vulnerability === 'string' ? entry.vulnerability : entry.vulnerability.name;
    const products = new Set<string>();
    // A statement's subject is the product; the vulnerable package is usually one of its subcomponents,
    // and that is what scanners report — so both are matched.
    for (const product of entry.products ?? []) {
      for (const id of identifiersOf(product)) products.add(id);
      if (typeof product !== 'string') for (const sub of product.subcomponents ?? []) for (const id of identifiersOf(sub)) products.add(id);
    }
    const statement: VexStatement = { vulnerability: name, products: [...products], status: entry.status };
    if (typeof entry.vulnerability !== 'string') {
      const aliases = (entry.vulnerability.aliases ?? []).filter((alias) => alias !== name);
      if (aliases.length > 0) statement.aliases = aliases;
    }
    if (entry.justification) statement.justification = entry.justification;
    const detail = entry.impact_statement || entry.status_notes;
    if (detail) statement.detail = detail;
    return statement;
  });
  return { format: 'openvex', statements };
}
