import type { CriterionResult } from './criterion-result.js';

export type VerdictStatus = 'pass' | 'fail';
export type GateMode = 'block' | 'warn';

/**
 * The tracker-neutral content of donegate's one comment on a ticket. The gate writes the words;
 * each tracker renders them (Jira: ADF, Linear: Markdown, …).
 */
export interface VerdictComment {
  /** `pass` renders as ✅, otherwise ❌ (block) or ⚠️ (warn). */
  status: VerdictStatus;
  mode: GateMode;
  /** One sentence: what happened and what to do next. */
  headline: string;
  criteria: CriterionResult[];
  /** Further facts, e.g. "no workflow transition leads back to In Progress". */
  notes: string[];
  /** Rule name, policy version and time, for whoever reads the ticket later. */
  footer: string;
}

/** The machine-readable verdict kept on the ticket where the tracker has a place for it (Jira issue property `donegate.verdict`). */
export interface VerdictProperty {
  status: VerdictStatus;
  rule: string;
  mode: GateMode;
  criteria: Array<Pick<CriterionResult, 'criterion' | 'status' | 'reason'>>;
  evaluatedAt: string;
}

/** Every donegate comment starts with this heading; trackers find their own comment by it and by author. */
export const COMMENT_MARKER = 'donegate · security Definition of Done';

/** The label on tickets the gate holds back, for boards to filter on. */
export const BLOCKED_LABEL = 'security-dod-blocked';

/** The key of the machine-readable verdict on trackers that keep one (Jira issue property). */
export const VERDICT_PROPERTY_KEY = 'donegate.verdict';
