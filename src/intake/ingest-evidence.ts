import { createHash } from 'node:crypto';
import { evidenceAcceptedEvent, evidenceRefusedEvent } from '../audit/audit-events.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CriterionRegistry } from '../criteria/registry.js';
import type { Logger } from '../logging/logger.js';
import type { EnqueueReevaluation } from '../queue/enqueue-reevaluation.js';
import type { TrackerName } from '../domain/index.js';
import type { EvidenceProvenance } from '../domain/index.js';
import type { EvidenceRecord } from '../evidence/evidence-record.js';
import type { EvidenceRepository } from '../evidence/evidence-repository.js';

export interface EvidenceSubmission {
  tracker: TrackerName;
  ticketKey: string;
  criterion: string;
  bytes: Buffer;
  format?: string;
  source: string;
  submitter: string;
  /** The token (name and role) that uploaded it, and the CI run when given. */
  provenance: Extract<EvidenceProvenance, { kind: 'token' }>;
}

export interface IngestResult {
  record: EvidenceRecord;
  /** Whether the ticket's re-evaluation could be queued (the evidence is stored either way). */
  reevaluation: 'queued' | 'not-queued';
}

/** A criterion the caller named is not one donegate knows, or takes no uploaded reports. */
export class EvidenceNotAcceptedError extends Error {
  override readonly name = 'EvidenceNotAcceptedError';
}

/**
 * Take a report for a ticket: parse it with the criterion's own reader, store the record (sha256 of
 * the bytes received, parsed summary, submitter, source, time), then queue the ticket's re-evaluation
 * so its comment and verdict update at once.
 */
export function createEvidenceIntake(deps: {
  registry: CriterionRegistry;
  evidence: EvidenceRepository;
  enqueueReevaluation: EnqueueReevaluation;
  /** Accepted and refused reports are both appended. */
  audit: AuditLog;
  log: Logger;
}) {
  const parse = (submission: EvidenceSubmission) => {
    const criterion = deps.registry.get(submission.criterion);
    if (!criterion) {
      throw new EvidenceNotAcceptedError(`unknown criterion "${submission.criterion}"; known criteria: ${[...deps.registry.keys()].join(', ')}`);
    }
    if (!criterion.parseEvidence) {
      throw new EvidenceNotAcceptedError(`criterion "${criterion.id}" does not take uploaded reports yet`);
    }
    return { criterion, parsed: criterion.parseEvidence(submission.bytes, submission.format) };
  };

  return async function ingestEvidence(submission: EvidenceSubmission): Promise<IngestResult> {
    const sha256 = createHash('sha256').update(submission.bytes).digest('hex');
    let criterion, parsed;
    try {
      ({ criterion, parsed } = parse(submission));
    } catch (error) {
      await deps.audit.append(evidenceRefusedEvent({ ...submission, sha256, bytes: submission.bytes.length }, error));
      throw error;
    }
    const record = await deps.evidence.add({
      tracker: submission.tracker,
      ticketKey: submission.ticketKey,
      criterion: criterion.id,
      outcome: parsed.outcome,
      summary: { ...parsed.summary, format: parsed.format },
      sha256,
      source: submission.source,
      submitter: submission.submitter,
      provenance: submission.provenance,
    });
    await deps.audit.append(evidenceAcceptedEvent(record));
    const log = deps.log.child({ tracker: record.tracker, ticket: record.ticketKey, criterion: record.criterion, evidence: record.id });
    log.info({ format: parsed.format, outcome: parsed.outcome, submitter: record.submitter }, 'evidence accepted');
    try {
      await deps.enqueueReevaluation({
        tracker: record.tracker,
        ticketKey: record.ticketKey,
        triggerId: `evidence:${record.id}`,
        reason: `re-evaluated after ${criterion.id} evidence ${record.id} (${parsed.format}) from ${record.submitter}`,
      });
      return { record, reevaluation: 'queued' };
    } catch (error) {
      // The evidence is durable; the next move to Done evaluates it anyway.
      log.warn({ err: { message: (error as Error).message } }, 'could not queue the re-evaluation');
      return { record, reevaluation: 'not-queued' };
    }
  };
}

export type IngestEvidence = ReturnType<typeof createEvidenceIntake>;
