import type { GateMode } from '../gate/verdict.js';
import type { RuleMatch, WaiverPolicy } from './policy-schema.js';

export interface Requirement {
  criterion: string;
  /** Options already parsed by the criterion's own schema (defaults applied). */
  options: unknown;
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
  /** sha256 of the policy file's bytes. */
  hash: string;
  source: string;
}
