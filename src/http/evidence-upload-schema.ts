import { z } from 'zod';
import { ciRunUrlSchema } from '../domain/index.js';
import { emptyAsAbsent } from './request-text.js';
import { readTrackerParam, trackerFieldSchema } from './tracker-param.js';

/** The text fields of `POST /api/v1/evidence`, as multipart form fields or JSON members; empty means not given. */
export const evidenceFieldsShape = {
  tracker: emptyAsAbsent(trackerFieldSchema),
  ticket: emptyAsAbsent(z.string().meta({ description: "The ticket's key, such as ML-142." })),
  criterion: emptyAsAbsent(z.string().meta({ description: 'The criterion the report is evidence for, such as dependency-audit.' })),
  format: emptyAsAbsent(z.string().optional().meta({ description: "The report's format; absent: recognised from its content." })),
  source: emptyAsAbsent(z.string().optional().meta({ description: 'Where it came from (first 100 characters kept); absent: api.' })),
  ciRunUrl: emptyAsAbsent(ciRunUrlSchema.optional().meta({ description: 'The https page of the CI run that produced the report.' })),
};

/**
 * An upload as read (`readEvidenceUpload`): the fields plus the report's bytes. The ticket key is checked
 * against the named tracker's own pattern.
 */
export const evidenceUploadSchema = z
  .object({
    ...evidenceFieldsShape,
    report: z.instanceof(Buffer).meta({ override: { type: 'string', contentMediaType: 'application/octet-stream', description: 'The report file.' } }),
  })
  .superRefine(({ tracker, ticket }, ctx) => {
    const named = readTrackerParam(tracker, ticket);
    if (!named.ok && named.problem === 'invalid-key') ctx.addIssue({ code: 'custom', path: ['ticket'], message: named.message });
  });

/** The fields an upload cannot do without, in the order they are named in: those whose schema refuses absence. */
const REQUIRED = Object.entries(evidenceUploadSchema.shape)
  .filter(([, schema]) => !schema.safeParse(undefined).success)
  .map(([name]) => name);

/** Which required fields of an upload are missing (absent or empty). */
export function missingFieldsOf(input: Record<string, unknown>): string[] {
  return REQUIRED.filter((name) => input[name] === undefined || input[name] === '');
}
