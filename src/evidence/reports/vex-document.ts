import type { VexFormat } from './report-format.js';

export const VEX_STATUSES = ['not_affected', 'fixed', 'affected', 'under_investigation'] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];

/** One claim: this vulnerability has this status in these products (all products when the list is empty). */
export interface VexStatement {
  vulnerability: string;
  aliases?: string[];
  /** purls, CycloneDX bom-refs or plain names (`lodash`, `lodash@4.17.20`). */
  products: string[];
  status: VexStatus;
  justification?: string;
  detail?: string;
}

/** A VEX document is not a vulnerability report: it only changes how findings from reports are judged. */
export interface VexDocument {
  format: VexFormat;
  statements: VexStatement[];
}
