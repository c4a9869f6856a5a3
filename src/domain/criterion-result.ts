import type { EvidenceProvenance } from './evidence-provenance.js';

/** Criterion outcomes: `error` means "could not be checked", never to be read as pass or fail. */
export type CriterionStatus = 'pass' | 'fail' | 'error';

export interface CriterionResult {
  /** The criterion id, verbatim (`pii-scan`, `dependency-audit`, …). */
  criterion: string;
  status: CriterionStatus;
  /** Why, in one sentence a PM can read ("no evidence", "2 high findings"). */
  reason: string;
  /** How to supply the missing evidence: a command or a link. Present when status is not `pass`. */
  fix?: string;
  /** Optional extra lines (worst findings, artifacts), shown under the criterion. */
  details?: string[];
  /** The evidence the result was judged on, with where it came from (kept with decisions, shown by the decisions API). */
  evidence?: JudgedEvidence[];
}

/** One evidence record a criterion judged, and its provenance (null for records stored before provenance was recorded). */
export interface JudgedEvidence {
  id: string;
  provenance: EvidenceProvenance | null;
}
