/**
 * The most of each field a comment shows, in characters. A report can carry a package name or an advisory
 * title of any length; past these a value is cut with an ellipsis, so one finding cannot bury the rest.
 */
export const FIELD_LIMITS = {
  headline: 500,
  reason: 500,
  detail: 300,
  note: 600,
  footer: 300,
} as const;
