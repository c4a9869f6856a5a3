import type { EvidenceRecord } from '../evidence/evidence-record.js';
import { describeProvenance } from '../domain/index.js';
import type { CriterionResult } from '../domain/index.js';

/**
 * Say which evidence a result was judged on and who vouched for it: the reason gains "— submitted by
 * token `ci-main` (ci), run https://…" (or "— attached by jira account `…`", "— scanned by donegate from
 * attachment data.csv"), so the comment shows it, and `evidence` keeps the record's id and provenance for
 * the decisions API. Records stored before provenance was recorded leave the reason as it was.
 */
export function withProvenance(result: CriterionResult, record: EvidenceRecord | undefined): CriterionResult {
  if (!record) return result;
  const judged = { ...result, evidence: [{ id: record.id, provenance: record.provenance ?? null }] };
  return record.provenance ? { ...judged, reason: `${result.reason} — ${describeProvenance(record.provenance)}` } : judged;
}
