/** Who an API token speaks for. Stored in `api_tokens.role` (the migration's CHECK lists the same four). */
export const ROLES = ['ci', 'auditor', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];
