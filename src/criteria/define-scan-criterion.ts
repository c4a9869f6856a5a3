import { z } from 'zod';
import type { Ticket } from '../domain/index.js';
import { processFingerprintKey } from '../scan/fingerprint.js';
import { defineCriterion, type Criterion } from './criterion.js';
import { judgeScanEvidence } from './scan-judge.js';
import { parseScanEvidence, type ScanCriterionSpec, type ScanEvidenceDeps } from './scan-parse-evidence.js';
import type { DatasetFile } from './scan-evidence.js';

const scanOptions = z
  .object({
    maxAgeDays: z.number().int().positive().optional(),
    /**
     * `required`: a dataset manifest must be submitted and covered; `if-declared`: only when one is.
     * secret-scan takes it too, though gitleaks reports list no file hashes, so they cannot cover declared files.
     */
    datasets: z.enum(['if-declared', 'required']).default('if-declared'),
    /**
     * Findings the repository allowed (`donegate:allow` comments, `.donegateignore`): `accept` lets them
     * through, counted in the reason; `block` counts them as open, so only an approver's waiver lets them by.
     */
    allowed: z.enum(['accept', 'block']).default('accept'),
    /**
     * sha256 of custom rules configs (gitleaks TOML) the scan must have run, as `donegate scan --config`
     * reports them: the security team's rules, pinned here, rather than whatever config the repository has.
     */
    customRules: z.array(z.string().regex(/^[0-9a-f]{64}$/i, 'a custom rules sha256 is 64 hex digits, as `donegate scan --config` reports it')).max(20).optional(),
  })
  .strict();

export interface ScanCriterionDefinition {
  spec: ScanCriterionSpec;
  title: string;
  /** What to run for this ticket to satisfy the criterion. */
  fix(ticket: Ticket): string;
  /** The dataset files the ticket itself names; absent, only submitted manifests declare datasets (and evaluation stays synchronous). */
  datasetsOnTicket?: ((ticket: Ticket) => Promise<readonly DatasetFile[]>) | undefined;
}

/** pii-scan and secret-scan: the newest scan report of the criterion's kind decides, read in the formats the spec lists. */
export function defineScanCriterion(definition: ScanCriterionDefinition, deps: ScanEvidenceDeps = {}): Criterion {
  const { spec, title, datasetsOnTicket } = definition;
  const fingerprintKey = deps.fingerprintKey ?? processFingerprintKey();
  return defineCriterion<z.infer<typeof scanOptions>>({
    id: spec.criterion,
    title,
    optionsSchema: scanOptions,
    evaluate(context, opts) {
      const judge = (datasets: readonly DatasetFile[] = []) => judgeScanEvidence(context, opts, { ...spec, fix: definition.fix(context.ticket), fingerprintKey }, datasets);
      return datasetsOnTicket ? datasetsOnTicket(context.ticket).then(judge) : judge();
    },
    parseEvidence(bytes, format) {
      return parseScanEvidence(bytes, format, spec, fingerprintKey);
    },
  });
}
