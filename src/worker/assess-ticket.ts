import type { DecisionInputs } from '../audit/audit-decision.js';
import { attachedEvidenceActor, evidenceAcceptedEvent, evidenceRefusedEvent } from '../audit/audit-events.js';
import type { AuditLog } from '../audit/audit-log.js';
import { splitByOrigin } from '../criteria/evidence-from.js';
import type { CriterionRegistry } from '../criteria/registry.js';
import { DATA_SCAN_CRITERIA } from '../evidence/attachment-data-scan.js';
import { collectAttachmentEvidence } from '../evidence/attachment-evidence.js';
import type { EvidenceRepository } from '../evidence/evidence-repository.js';
import type { CriterionResult } from '../gate/verdict.js';
import { matchRule } from '../policy/match-rule.js';
import type { Policy, PolicyRule } from '../policy/policy.js';
import type { Logger } from '../logging/logger.js';
import type { FingerprintKey } from '../scan/fingerprint.js';
import type { Ticket, Tracker, TrackerName } from '../trackers/tracker.js';
import type { WaiverRepository } from '../waivers/waiver-repository.js';
import { evaluateCriteria } from './evaluate-criteria.js';

export interface AssessDeps {
  policy: () => Policy;
  registry: CriterionRegistry;
  evidence: EvidenceRepository;
  /** With all three, reports attached to the ticket are stored as evidence before it is assessed. */
  trackers?: Partial<Record<TrackerName, Tracker>>;
  log?: Logger;
  attachmentMaxBytes?: number;
  /** Keys the fingerprints of attached data donegate scans: the installation's key. */
  fingerprintKey?: FingerprintKey;
  waivers: WaiverRepository;
  /** Where evidence read from ticket attachments is recorded as accepted, like uploaded evidence. */
  audit?: AuditLog;
}

export type Assessment =
  | { gated: false; policy: Policy }
  | { gated: true; policy: Policy; rule: PolicyRule; results: CriterionResult[]; inputs: DecisionInputs };

/** Which rule governs the ticket, and how each of its criteria stands on the evidence stored now. */
export async function assessTicket(deps: AssessDeps, ticket: Ticket, now: Date): Promise<Assessment> {
  const policy = deps.policy();
  const rule = matchRule(policy, ticket);
  if (!rule) return { gated: false, policy };
  const tracker = deps.trackers?.[ticket.tracker];
  if (tracker && deps.log && deps.attachmentMaxBytes !== undefined) {
    const required = new Set(rule.require.map((r) => r.criterion));
    const scanFor = DATA_SCAN_CRITERIA.filter((id) => required.has(id));
    const attachmentsFrom = policy.evidence.attachments.from;
    const attached = await collectAttachmentEvidence({ tracker, ticket, registry: deps.registry, evidence: deps.evidence, maxBytes: deps.attachmentMaxBytes, log: deps.log, scanFor, attachmentsFrom, ...(deps.fingerprintKey ? { fingerprintKey: deps.fingerprintKey } : {}) });
    for (const record of attached.stored) await deps.audit?.append(evidenceAcceptedEvent(record, attachedEvidenceActor(record)));
    for (const { error, ...refused } of attached.refused) {
      const actor = attachedEvidenceActor({ tracker: ticket.tracker, submitter: refused.submitter });
      await deps.audit?.append(evidenceRefusedEvent({ ...refused, tracker: ticket.tracker, ticketKey: ticket.key }, error, actor));
    }
  }
  const evidence = await deps.evidence.forTicket(ticket.tracker, ticket.key);
  const waivers = await deps.waivers.forTicket(ticket.tracker, ticket.key);
  const results = await evaluateCriteria(deps.registry, rule.require, { ticket, evidence, waivers, now });
  const required = rule.require.map((r) => r.criterion);
  const inputs: DecisionInputs = {
    // Only what the criteria were shown: evidence a requirement's `from` ignores was not judged.
    evidenceIds: rule.require.flatMap(({ criterion, from }) => splitByOrigin(evidence.get(criterion) ?? [], from).accepted.map((record) => record.id)),
    waivers: required.flatMap((criterion) => waivers.get(criterion) ?? []),
  };
  return { gated: true, policy, rule, results, inputs };
}
