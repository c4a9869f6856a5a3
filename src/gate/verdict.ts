import type { EvidenceProvenance } from '../evidence/evidence-provenance.js';

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

export type VerdictStatus = 'pass' | 'fail';
export type GateMode = 'block' | 'warn';

/**
 * The tracker-neutral content of donegate's one comment on a ticket. The gate writes the words;
 * each tracker renders them (Jira: ADF, Linear: Markdown).
 */
export interface VerdictComment {
  /** `pass` renders as ✅, otherwise ❌ (block) or ⚠️ (warn). */
  status: VerdictStatus;
  mode: GateMode;
  /** One sentence: what happened and what to do next. */
  headline: string;
  criteria: CriterionResult[];
  /** Further facts, e.g. "no workflow transition leads back to In Progress". */
  notes: string[];
  /** Rule name, policy version and time, for whoever reads the ticket later. */
  footer: string;
}

/** The machine-readable verdict kept on the ticket (Jira issue property `donegate.verdict`). */
export interface VerdictProperty {
  status: VerdictStatus;
  rule: string;
  mode: GateMode;
  criteria: Array<Pick<CriterionResult, 'criterion' | 'status' | 'reason'>>;
  evaluatedAt: string;
}

/** Every donegate comment starts with this heading; trackers find their own comment by it and by author. */
export const COMMENT_MARKER = 'donegate · security Definition of Done';

export const BLOCKED_LABEL = 'security-dod-blocked';
export const VERDICT_PROPERTY_KEY = 'donegate.verdict';
