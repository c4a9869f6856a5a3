import { createHash } from 'node:crypto';
import type { CriterionRegistry } from '../criteria/registry.js';
import type { Logger } from '../logging/logger.js';
import { AttachmentRefusedError, AttachmentTooLargeError } from '../trackers/attachments/index.js';
import { TrackerPermanentError } from '../trackers/errors.js';
import type { FingerprintKey } from '../scan/fingerprint.js';
import { ATTACHMENT_INFLATE_FACTOR } from '../scan/read/inflate-limits.js';
import type { Ticket, TicketAttachment } from '../domain/index.js';
import type { Tracker } from '../trackers/tracker.js';
import { triageAttachment } from '../evidence/attachment-triage.js';
import { scanAttachmentData } from '../evidence/attachment-data-scan.js';
import { readAttachmentReport } from './attachment-report.js';
import { AttacherNotListedError, isListedAttacher } from '../evidence/attachment-vouchers.js';
import type { EvidenceProvenance } from '../domain/index.js';
import { UNKNOWN_ATTACHMENT_AUTHOR, type EvidenceRecord } from '../evidence/evidence-record.js';
import type { EvidenceRepository } from '../evidence/evidence-repository.js';

/** The submitter of evidence donegate produced itself, by scanning attached data. */
export const DONEGATE_SCANNER = 'donegate';

/** Attachments looked at per ticket per evaluation, newest first, so a ticket with hundreds cannot stall a job. */
export const MAX_ATTACHMENTS_PER_EVALUATION = 20;

export interface AttachmentEvidenceDeps {
  tracker: Tracker;
  ticket: Ticket;
  registry: CriterionRegistry;
  evidence: EvidenceRepository;
  /** No attachment larger than this is downloaded (ATTACHMENT_MAX_BYTES). */
  maxBytes: number;
  log: Logger;
  /** Default MAX_ATTACHMENTS_PER_EVALUATION. */
  limit?: number;
  /**
   * Criteria of the ticket's rule that a scan of attached data answers (`pii-scan`, `secret-scan`). When
   * set, attached data files that are not reports (a CSV, a notebook) are scanned by the worker itself
   * and the scan stored as evidence for these criteria.
   */
  scanFor?: readonly string[];
  /** Keys the fingerprints of findings in scanned attached data (the installation's key). */
  fingerprintKey?: FingerprintKey;
  /**
   * The policy's `evidence.attachments.from`: the only accounts whose attached reports count. Empty (the
   * default) means an attached report is never evidence; attached data is still scanned by donegate.
   */
  attachmentsFrom: readonly string[];
}

/** A report attached by an account the policy does not list, for the audit log: no content, only its digest. */
export interface RefusedAttachment {
  criterion: string;
  source: string;
  /** The attaching account id, or `attachment` when the tracker did not say. */
  submitter: string;
  sha256: string;
  bytes: number;
  error: AttacherNotListedError;
}

export interface AttachmentEvidence {
  stored: EvidenceRecord[];
  refused: RefusedAttachment[];
}

/** The attachment as provenance names it; bounded, as ids and names come from whoever attached it. */
const attachmentRef = (attachment: TicketAttachment) => ({ id: attachment.id.slice(0, 128), filename: attachment.filename.slice(0, 255) });

/** The evidence `source` of an attachment: `jira-attachment:10042`, `linear-attachment:<uuid>`. Stored once per ticket. */
export function attachmentSource(attachment: TicketAttachment): string {
  return `${attachment.source}:${attachment.id}`;
}

/**
 * Stores reports attached to the ticket as evidence when an account the policy lists attached them
 * (`evidence.attachments.from`), so a security lead's or a CI bot's `npm audit --json` attached in Jira or
 * Linear counts like uploading it. A report attached by anyone else — the engineer being gated, say — is
 * refused: not stored, logged without content and returned for the audit log. Each attachment is stored
 * at most once (by its source), dated when it was attached so `maxAgeDays` counts from the upload, and
 * credited to whoever attached it. Data files (not reports) are scanned by donegate itself, whoever
 * attached them: donegate produces that finding, nobody vouches for it.
 *
 * Files that are not reports, too large, on a refused host or gone are logged and skipped: they never
 * fail the decision. Rate limits and outages of the tracker propagate, so the job is retried. File
 * content is never logged.
 *
 * @example
 * const { stored, refused } = await collectAttachmentEvidence({ tracker, ticket, registry, evidence, maxBytes: 10 * 1024 * 1024, log, attachmentsFrom: policy.evidence.attachments.from });
 */
export async function collectAttachmentEvidence(deps: AttachmentEvidenceDeps): Promise<AttachmentEvidence> {
  const { tracker, ticket, evidence, maxBytes } = deps;
  if (!tracker.listAttachments || !tracker.downloadAttachment) return { stored: [], refused: [] };
  const log = deps.log.child({ tracker: ticket.tracker, ticket: ticket.key });
  const candidates = newestFirst(await tracker.listAttachments(ticket)).filter((attachment) => {
    const triage = triageAttachment(attachment, maxBytes, { data: (deps.scanFor ?? []).length > 0 });
    if (!triage.download && triage.reason === 'too-large') {
      log.warn({ attachment: attachment.id, filename: attachment.filename, size: attachment.size, maxBytes }, 'attachment is over ATTACHMENT_MAX_BYTES; not read as evidence');
    } else if (!triage.download) {
      log.debug({ attachment: attachment.id, filename: attachment.filename, mimeType: attachment.mimeType }, 'attachment is not a report; skipped');
    }
    return triage.download;
  });

  const stored: EvidenceRecord[] = [];
  const refused: RefusedAttachment[] = [];
  for (const attachment of candidates.slice(0, deps.limit ?? MAX_ATTACHMENTS_PER_EVALUATION)) {
    const source = attachmentSource(attachment);
    if (await evidence.hasSource(ticket.tracker, ticket.key, source)) continue;
    const about = { attachment: attachment.id, filename: attachment.filename };
    const bytes = await download(tracker, ticket, attachment, maxBytes, log);
    if (!bytes) continue;

    let reading: ReturnType<typeof readAttachmentReport>;
    try {
      reading = readAttachmentReport(deps.registry, bytes);
    } catch (error) {
      // A parser fault on a file anyone could attach must not stop the gate; the name is enough to debug.
      log.warn({ ...about, error: error instanceof Error ? error.name : typeof error }, 'a report parser failed on this attachment; skipped');
      continue;
    }
    if (reading.kind === 'unrecognised') {
      if ((deps.scanFor ?? []).length === 0) {
        log.debug(about, 'attachment is not a report donegate reads; ignored');
        continue;
      }
      stored.push(...(await storeDataScan(deps, attachment, bytes, log)));
      continue;
    }
    if (reading.kind === 'invalid') {
      log.info({ ...about, criterion: reading.criterion, problem: reading.error.message }, 'attached report is malformed; not stored as evidence');
      continue;
    }
    const { criterion, parsed } = reading;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!isListedAttacher(ticket.tracker, attachment.author, deps.attachmentsFrom)) {
      const submitter = attachment.author ?? UNKNOWN_ATTACHMENT_AUTHOR;
      log.warn({ ...about, criterion, attachedBy: submitter, sha256 }, "attached report refused as evidence: the account that attached it is not in the policy's evidence.attachments.from");
      refused.push({ criterion, source, submitter, sha256, bytes: bytes.length, error: new AttacherNotListedError(criterion) });
      continue;
    }
    const provenance: EvidenceProvenance = { kind: 'attachment', tracker: ticket.tracker, account: attachment.author!.slice(0, 128), attachment: attachmentRef(attachment) };
    const createdAt = attachment.createdAt !== undefined ? new Date(attachment.createdAt) : undefined;
    const record = await evidence.add({
      tracker: ticket.tracker,
      ticketKey: ticket.key,
      criterion,
      outcome: parsed.outcome,
      summary: { ...parsed.summary, format: parsed.format, attachment: { id: attachment.id, filename: attachment.filename } },
      sha256,
      source,
      submitter: attachment.author!,
      provenance,
      ...(createdAt && !Number.isNaN(createdAt.getTime()) ? { createdAt } : {}),
    });
    log.info({ ...about, criterion, evidence: record.id, format: parsed.format, outcome: parsed.outcome, submitter: record.submitter }, 'attached report stored as evidence');
    stored.push(record);
  }
  return { stored, refused };
}

/**
 * Scan an attached data file and store the scan once per criterion asked for, through each criterion's
 * own reader, exactly as an uploaded `donegate scan` report would be. Only masked values are stored. The
 * submitter is donegate: whoever attached the file chose the data, not the result.
 */
async function storeDataScan(deps: AttachmentEvidenceDeps, attachment: TicketAttachment, bytes: Buffer, log: Logger): Promise<EvidenceRecord[]> {
  const { ticket, evidence } = deps;
  const report = await scanAttachmentData(bytes, attachment.filename, deps.fingerprintKey, ATTACHMENT_INFLATE_FACTOR * deps.maxBytes);
  // A decompression bomb (or a corrupt gzip) was not read to the end: a partial scan is no evidence either way.
  const unread = report.files.find((file) => file.skipped?.startsWith('unreadable'));
  if (unread) {
    log.warn({ attachment: attachment.id, filename: attachment.filename, reason: unread.skipped }, 'attached data could not be read to the end; not scanned as evidence');
    return [];
  }
  const reportBytes = Buffer.from(JSON.stringify(report));
  const createdAt = attachment.createdAt !== undefined ? new Date(attachment.createdAt) : undefined;
  const provenance: EvidenceProvenance = {
    kind: 'donegate-scan',
    tracker: ticket.tracker,
    attachment: attachmentRef(attachment),
    ...(attachment.author ? { attachedBy: attachment.author.slice(0, 128) } : {}),
  };
  const stored: EvidenceRecord[] = [];
  for (const id of deps.scanFor ?? []) {
    const criterion = deps.registry.get(id);
    if (!criterion?.parseEvidence) continue;
    const parsed = criterion.parseEvidence(reportBytes);
    const record = await evidence.add({
      tracker: ticket.tracker,
      ticketKey: ticket.key,
      criterion: id,
      outcome: parsed.outcome,
      summary: { ...parsed.summary, format: parsed.format, attachment: { id: attachment.id, filename: attachment.filename }, scannedBy: 'donegate worker' },
      sha256: createHash('sha256').update(bytes).digest('hex'),
      source: attachmentSource(attachment),
      submitter: DONEGATE_SCANNER,
      provenance,
      ...(createdAt && !Number.isNaN(createdAt.getTime()) ? { createdAt } : {}),
    });
    stored.push(record);
  }
  log.info({ attachment: attachment.id, filename: attachment.filename, findings: report.findings.length, criteria: deps.scanFor }, 'attached data scanned and stored as evidence');
  return stored;
}

/** The bytes, or undefined when this one attachment cannot be had; tracker-wide faults propagate. */
async function download(tracker: Tracker, ticket: Ticket, attachment: TicketAttachment, maxBytes: number, log: Logger): Promise<Buffer | undefined> {
  const about = { attachment: attachment.id, filename: attachment.filename };
  try {
    return await tracker.downloadAttachment!(ticket, attachment, { maxBytes });
  } catch (error) {
    if (error instanceof AttachmentTooLargeError) {
      log.warn({ ...about, maxBytes, detectedBy: error.detectedBy }, 'attachment is over ATTACHMENT_MAX_BYTES; not read as evidence');
    } else if (error instanceof AttachmentRefusedError) {
      log.warn({ ...about, host: error.host, reason: error.message }, 'attachment download refused; not read as evidence');
    } else if (error instanceof TrackerPermanentError) {
      // This file is gone or shut to us (deleted since the listing, an expired artifact link); others may be fine.
      log.warn({ ...about, fault: error.fault, reason: error.message }, 'attachment could not be downloaded; not read as evidence');
    } else {
      throw error;
    }
    return undefined;
  }
}

/** Jira lists oldest first; undated attachments go last, in reverse listing order. */
function newestFirst(attachments: TicketAttachment[]): TicketAttachment[] {
  const time = (a: TicketAttachment) => (a.createdAt !== undefined ? Date.parse(a.createdAt) : Number.NaN);
  return attachments
    .map((attachment, index) => ({ attachment, index, at: time(attachment) }))
    .sort((a, b) => (Number.isNaN(b.at) ? -Infinity : b.at) - (Number.isNaN(a.at) ? -Infinity : a.at) || b.index - a.index)
    .map(({ attachment }) => attachment);
}
