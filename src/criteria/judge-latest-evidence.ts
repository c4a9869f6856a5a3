import type { EvidenceRecord } from '../evidence/evidence-record.js';
import type { CriterionContext } from './criterion.js';
import type { CriterionResult } from '../domain/index.js';
import { withProvenance } from './with-provenance.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface LatestEvidenceRule {
  criterion: string;
  /** The fix shown when evidence is missing, stale or failing. */
  fix: string;
  /** Evidence older than this no longer counts. */
  maxAgeDays?: number;
}

/**
 * The judgement every evidence-backed criterion starts from: the newest record decides. No record
 * fails with "no evidence"; a stale one fails with its age; a failing one fails with its summary.
 */
export function judgeLatestEvidence(context: CriterionContext, rule: LatestEvidenceRule): CriterionResult {
  const latest = context.evidence[0];
  if (!latest) {
    return { criterion: rule.criterion, status: 'fail', reason: 'no evidence', fix: rule.fix };
  }
  return withProvenance(judgeRecord(latest, context.now, rule), latest);
}

function judgeRecord(latest: EvidenceRecord, now: Date, rule: LatestEvidenceRule): CriterionResult {
  if (rule.maxAgeDays !== undefined) {
    const ageDays = Math.floor((now.getTime() - latest.createdAt.getTime()) / DAY_MS);
    if (ageDays > rule.maxAgeDays) {
      return {
        criterion: rule.criterion,
        status: 'fail',
        reason: `evidence is ${ageDays} days old; at most ${rule.maxAgeDays} days are allowed`,
        fix: rule.fix,
      };
    }
  }
  if (latest.outcome === 'fail') {
    return {
      criterion: rule.criterion,
      status: 'fail',
      reason: latest.summary.text,
      fix: rule.fix,
      ...(latest.summary.details ? { details: latest.summary.details } : {}),
    };
  }
  return { criterion: rule.criterion, status: 'pass', reason: latest.summary.text };
}
