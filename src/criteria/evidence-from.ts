import type { EvidenceRecord } from '../evidence/evidence-record.js';
import { describeSource } from '../domain/index.js';
import type { CriterionResult } from '../domain/index.js';
import type { RequirementFrom } from '../policy/policy-schema.js';

/** Whether a record meets a requirement's `from`: `ci` takes only reports uploaded with a ci token. */
export function isFrom(record: EvidenceRecord, from: RequirementFrom): boolean {
  return record.provenance?.kind === 'token' && record.provenance.role === from;
}

/** The records a criterion may judge under `from`, and those it must ignore. */
export function splitByOrigin(records: readonly EvidenceRecord[], from: RequirementFrom | undefined): { accepted: EvidenceRecord[]; ignored: EvidenceRecord[] } {
  if (from === undefined) return { accepted: [...records], ignored: [] };
  return { accepted: records.filter((r) => isFrom(r, from)), ignored: records.filter((r) => !isFrom(r, from)) };
}

/**
 * When the only evidence there was came from elsewhere, the criterion's "no evidence" would hide why:
 * say whose evidence was ignored and how to supply it instead. The newest ignored record is named.
 */
export function explainIgnored(result: CriterionResult, accepted: readonly EvidenceRecord[], ignored: readonly EvidenceRecord[], from: RequirementFrom | undefined): CriterionResult {
  const newest = ignored[0];
  if (from === undefined || accepted.length > 0 || !newest || result.status === 'pass') return result;
  return {
    ...result,
    reason: `evidence from ${describeSource(newest.provenance)} is not accepted: this rule requires evidence from a ${from} token`,
    fix: `submit it from the CI pipeline with a ${from} token (\`donegate token create --role ${from} --name <pipeline>\`, given to the pipeline as DONEGATE_TOKEN)${result.fix ? `: ${result.fix}` : ''}`,
    evidence: ignored.slice(0, 1).map((record) => ({ id: record.id, provenance: record.provenance ?? null })),
  };
}
