export type {
  CriterionResult,
  CriterionStatus,
  GateMode,
  JudgedEvidence,
  VerdictComment,
  VerdictProperty,
  VerdictStatus,
} from '../domain/index.js';
export { BLOCKED_LABEL, COMMENT_MARKER, VERDICT_PROPERTY_KEY } from '../domain/index.js';
