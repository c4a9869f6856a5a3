import type { z } from 'zod';
import type { EvidenceRecord, EvidenceSummary } from '../evidence/evidence-record.js';
import type { CriterionResult } from '../domain/index.js';
import type { Ticket } from '../domain/index.js';
import type { Waiver } from '../waivers/waiver.js';

export interface CriterionContext {
  ticket: Ticket;
  /** Evidence stored for this ticket and this criterion, newest first. */
  evidence: EvidenceRecord[];
  /**
   * Waivers of this criterion for this ticket, expired ones included. Whole-criterion waivers are
   * applied for every criterion; a criterion with findings applies advisory waivers itself.
   */
  waivers: Waiver[];
  now: Date;
}

/**
 * A security Definition-of-Done criterion. Adding one means writing a module like this and listing it
 * in the registry; nothing else changes.
 */
/** Uploaded evidence turned into a record: what it shows on its own, and its parsed summary. */
export interface ParsedEvidence {
  outcome: 'pass' | 'fail';
  /** The detected format (e.g. `npm-audit`). */
  format: string;
  summary: EvidenceSummary;
}

export interface Criterion<Options = unknown> {
  /** Appears verbatim in policies, comments, audit entries and API output. */
  readonly id: string;
  /** What the criterion asks, in the words a checklist uses. */
  readonly title: string;
  readonly optionsSchema: z.ZodType<Options>;
  evaluate(context: CriterionContext, options: Options): Promise<CriterionResult> | CriterionResult;
  /**
   * Read an uploaded report for this criterion. Throws UnrecognisedReportError / InvalidReportError
   * (answered 422). Absent: the criterion takes no uploaded reports.
   */
  parseEvidence?(bytes: Buffer, format?: string): ParsedEvidence;
}

/**
 * Erase a criterion's option type so criteria of different options share one registry. Sound because
 * the gate only ever passes a criterion options parsed by that criterion's own `optionsSchema`.
 */
export function defineCriterion<Options>(criterion: Criterion<Options>): Criterion {
  return criterion as unknown as Criterion;
}
