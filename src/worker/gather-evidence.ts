import { attachedEvidenceActor, evidenceAcceptedEvent, evidenceRefusedEvent } from '../audit/audit-events.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CriterionRegistry } from '../criteria/registry.js';
import type { Ticket, TrackerName } from '../domain/index.js';
import { DATA_SCAN_CRITERIA } from '../evidence/attachment-data-scan.js';
import { collectAttachmentEvidence } from '../intake/attachment-evidence.js';
import type { EvidenceRecord } from '../evidence/evidence-record.js';
import type { EvidenceRepository } from '../evidence/evidence-repository.js';
import type { Logger } from '../logging/logger.js';
import type { Policy, PolicyRule } from '../policy/policy.js';
import type { FingerprintKey } from '../scan/fingerprint.js';
import type { Tracker } from '../trackers/tracker.js';
import type { Waiver } from '../waivers/waiver.js';
import type { WaiverRepository } from '../waivers/waiver-repository.js';

export interface GatherDeps {
  registry: CriterionRegistry;
  evidence: EvidenceRepository;
  waivers: WaiverRepository;
  /** With all three, reports attached to the ticket are stored as evidence before it is assessed. */
  trackers?: Partial<Record<TrackerName, Tracker>>;
  log?: Logger;
  attachmentMaxBytes?: number;
  /** Keys the fingerprints of attached data donegate scans: the installation's key. */
  fingerprintKey?: FingerprintKey;
  /** Where evidence read from ticket attachments is recorded as accepted, like uploaded evidence. */
  audit?: AuditLog;
}

/** Everything a ticket's criteria are judged on, by criterion id. */
export interface GatheredEvidence {
  evidence: Map<string, EvidenceRecord[]>;
  waivers: Map<string, Waiver[]>;
}

/**
 * Fetch what the ticket's rule can be judged on: first its attachments (downloaded, read as reports or
 * scanned as data, stored and audited like uploaded evidence), then every evidence record and waiver
 * stored for the ticket.
 */
export async function gatherEvidence(deps: GatherDeps, ticket: Ticket, rule: PolicyRule, policy: Policy): Promise<GatheredEvidence> {
  await storeAttachedEvidence(deps, ticket, rule, policy);
  const [evidence, waivers] = await Promise.all([deps.evidence.forTicket(ticket.tracker, ticket.key), deps.waivers.forTicket(ticket.tracker, ticket.key)]);
  return { evidence, waivers };
}

async function storeAttachedEvidence(deps: GatherDeps, ticket: Ticket, rule: PolicyRule, policy: Policy): Promise<void> {
  const tracker = deps.trackers?.[ticket.tracker];
  if (!tracker || !deps.log || deps.attachmentMaxBytes === undefined) return;
  const required = new Set(rule.require.map((r) => r.criterion));
  const attached = await collectAttachmentEvidence({
    tracker,
    ticket,
    registry: deps.registry,
    evidence: deps.evidence,
    maxBytes: deps.attachmentMaxBytes,
    log: deps.log,
    scanFor: DATA_SCAN_CRITERIA.filter((id) => required.has(id)),
    attachmentsFrom: policy.evidence.attachments.from,
    ...(deps.fingerprintKey ? { fingerprintKey: deps.fingerprintKey } : {}),
  });
  for (const record of attached.stored) await deps.audit?.append(evidenceAcceptedEvent(record, attachedEvidenceActor(record)));
  for (const { error, ...refused } of attached.refused) {
    const actor = attachedEvidenceActor({ tracker: ticket.tracker, submitter: refused.submitter });
    await deps.audit?.append(evidenceRefusedEvent({ ...refused, tracker: ticket.tracker, ticketKey: ticket.key }, error, actor));
  }
}
