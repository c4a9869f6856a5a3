/**
 * Who a token or a signed-in person speaks for. Stored in `api_tokens.role` (migration 013's CHECK lists the
 * same five). `viewer` reads (PMs on the board); the others as README "Who can do what" says.
 */
export const ROLES = ['viewer', 'ci', 'auditor', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];
