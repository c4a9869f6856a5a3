import type { ParsedEvidence } from '../criteria/criterion.js';
import type { CriterionRegistry } from '../criteria/registry.js';
import { InvalidReportError, UnrecognisedReportError } from '../evidence/reports/index.js';

export type AttachmentReading =
  | { kind: 'recognised'; criterion: string; parsed: ParsedEvidence }
  | { kind: 'unrecognised' }
  /** A criterion knew the format but the document is malformed, and no other criterion read it. */
  | { kind: 'invalid'; criterion: string; error: InvalidReportError };

/**
 * Offers the bytes to every criterion that reads uploaded reports, in registry order; the first that
 * recognises them takes them. Any other error a parser throws (a bug, or a document built to trip one)
 * propagates to the caller.
 */
export function readAttachmentReport(registry: CriterionRegistry, bytes: Buffer): AttachmentReading {
  let invalid: AttachmentReading | undefined;
  for (const criterion of registry.values()) {
    if (!criterion.parseEvidence) continue;
    try {
      return { kind: 'recognised', criterion: criterion.id, parsed: criterion.parseEvidence(bytes) };
    } catch (error) {
      if (error instanceof InvalidReportError) invalid ??= { kind: 'invalid', criterion: criterion.id, error };
      else if (!(error instanceof UnrecognisedReportError)) throw error;
    }
  }
  return invalid ?? { kind: 'unrecognised' };
}
