import type { GateMode } from '../domain/index.js';
import type { EvidencePolicy, NotificationPolicy, RequirementFrom, RuleMatch, WaiverPolicy } from './policy-schema.js';

export interface Requirement {
  criterion: string;
  /** Options already parsed by the criterion's own schema (defaults applied). */
  options: unknown;
  /** `ci`: only evidence uploaded with a ci token counts for this criterion; absent, any stored evidence does. */
  from?: RequirementFrom;
}

export interface PolicyRule {
  name: string;
  match: RuleMatch;
  mode: GateMode;
  require: Requirement[];
}

/** A validated policy, ready for the gate. `hash` identifies exactly which text was in force. */
export interface Policy {
  version: 1;
  rules: PolicyRule[];
  waivers: WaiverPolicy;
  /** Which ticket attachments count as evidence (by who attached them). */
  evidence: EvidencePolicy;
  /** Who is told about blocks and expiring waivers, and how (absent in policies built by hand: nobody). */
  notifications?: NotificationPolicy;
  /** sha256 of the policy file's bytes. */
  hash: string;
  source: string;
}
