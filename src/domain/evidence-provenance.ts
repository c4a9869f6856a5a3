import { z } from 'zod';
import { ciRunUrlSchema } from './ci-run-url.js';
import { ROLES } from './role.js';
import { trackerNameSchema } from './tracker-name.js';

const accountId = z.string().min(1).max(128);
const attachmentRef = z.object({ id: z.string().min(1).max(128), filename: z.string().max(255) }).strict();
const trackerName = trackerNameSchema;

/**
 * Where a piece of evidence came from, stored with it (`evidence.provenance`) and shown wherever it is
 * judged. Three kinds, because they deserve different trust:
 * - `token`: a report uploaded with an API token (API or `donegate evidence submit`), by its name and
 *   role, with the CI run that produced it when the submitter said so;
 * - `attachment`: a report attached to the ticket by an account the policy lists under
 *   `evidence.attachments.from`;
 * - `donegate-scan`: donegate scanned a data file attached to the ticket itself; nobody vouched for a
 *   result, so whoever attached the file is kept only as context.
 */
export const evidenceProvenanceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('token'), token: z.string().min(1).max(100), role: z.enum(ROLES), ciRunUrl: ciRunUrlSchema.optional() }).strict(),
  z.object({ kind: z.literal('attachment'), tracker: trackerName, account: accountId, attachment: attachmentRef }).strict(),
  z.object({ kind: z.literal('donegate-scan'), tracker: trackerName, attachment: attachmentRef, attachedBy: accountId.optional() }).strict(),
]);

export type EvidenceProvenance = z.infer<typeof evidenceProvenanceSchema>;

/** Parse a stored provenance; rows written before it was recorded (or unreadable ones) have none. */
export function readProvenance(value: unknown): EvidenceProvenance | undefined {
  const parsed = evidenceProvenanceSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * One phrase for comments and reasons: "submitted by token `ci-main` (ci), run https://…",
 * "attached by jira account `5b10…`", "scanned by donegate from attachment data.csv". File names and
 * ids come from tickets, so they are flattened to one plain line first.
 */
export function describeProvenance(provenance: EvidenceProvenance | undefined): string {
  if (!provenance) return 'provenance not recorded';
  switch (provenance.kind) {
    case 'token':
      return `submitted by token \`${plain(provenance.token)}\` (${provenance.role})${provenance.ciRunUrl ? `, run ${provenance.ciRunUrl}` : ''}`;
    case 'attachment':
      return `attached by ${provenance.tracker} account \`${plain(provenance.account)}\` (${plain(provenance.attachment.filename)})`;
    case 'donegate-scan':
      return `scanned by donegate from attachment ${plain(provenance.attachment.filename)}`;
  }
}

/** Who a refused or ignored piece of evidence came from, for "evidence from … is not accepted". */
export function describeSource(provenance: EvidenceProvenance | undefined): string {
  if (!provenance) return 'a submitter donegate did not record';
  switch (provenance.kind) {
    case 'token':
      return `${provenance.role} token \`${plain(provenance.token)}\``;
    case 'attachment':
      return `${provenance.tracker} account \`${plain(provenance.account)}\` (an attachment)`;
    case 'donegate-scan':
      return `donegate's scan of attachment ${plain(provenance.attachment.filename)}`;
  }
}

const MAX_SHOWN = 80;

/** No control characters, no backticks, one line, bounded: safe inside a code span of any renderer. */
function plain(value: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029`]/g, ' ').trim();
  return flat.length > MAX_SHOWN ? `${flat.slice(0, MAX_SHOWN - 1)}…` : flat;
}
