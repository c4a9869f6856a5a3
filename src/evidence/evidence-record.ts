import type { TrackerName } from '../domain/index.js';
import type { EvidenceProvenance } from '../domain/index.js';

/**
 * One piece of evidence for one criterion of one ticket. Immutable once stored: new evidence is a new
 * record, so the history an auditor reads is never rewritten.
 */
/** The submitter of evidence read from a ticket attachment whose tracker did not say who attached it. */
export const UNKNOWN_ATTACHMENT_AUTHOR = 'attachment';

export interface EvidenceRecord {
  id: string;
  tracker: TrackerName;
  ticketKey: string;
  criterion: string;
  /** What the evidence shows on its own (a clean report passes, a report with findings fails). */
  outcome: 'pass' | 'fail';
  /** Parsed summary for comments and audits; never raw personal data. */
  summary: EvidenceSummary;
  /** sha256 of the bytes received, so the report can be matched to its original. */
  sha256: string;
  /** Where it came from: `api`, `cli`, `ci:github-actions`, `attachment`, … */
  source: string;
  /** Who submitted it (token name or account id). */
  submitter: string;
  /** Who vouched for it, and how (token and role, attaching account, or donegate's own scan). Absent on records stored before it was recorded. */
  provenance?: EvidenceProvenance;
  createdAt: Date;
}

export interface EvidenceSummary {
  /** One line a PM can read: "npm audit: 0 high or critical findings". */
  text: string;
  details?: string[];
  [key: string]: unknown;
}

/** Every new record says where it came from. */
export type NewEvidence = Omit<EvidenceRecord, 'id' | 'createdAt' | 'provenance'> & { createdAt?: Date; provenance: EvidenceProvenance };
