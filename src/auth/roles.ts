import { ROLES, type Role } from '../domain/index.js';

/** Who a token speaks for: the list lives with the other shared words. */
export { ROLES, type Role };

export const PERMISSIONS = ['decisions:read', 'evidence:write', 'waivers:write', 'audit:read', 'tokens:manage', 'waivers:read', 'queues:view', 'policy:reload'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Which roles hold each permission. Keyed by permission, so adding a permission without deciding who
 * holds it does not compile. CI submits evidence but cannot waive it; approvers waive but cannot forge
 * evidence; auditors only read.
 */
export const ROLES_WITH_PERMISSION: { readonly [P in Permission]: readonly Role[] } = {
  'decisions:read': ['viewer', 'ci', 'auditor', 'approver', 'admin'],
  'evidence:write': ['ci', 'admin'],
  'waivers:write': ['approver', 'admin'],
  'audit:read': ['auditor', 'admin'],
  'tokens:manage': ['admin'],
  // Listing waivers across tickets: those who grant them, audit them or follow the board (viewers), not CI.
  'waivers:read': ['viewer', 'auditor', 'approver', 'admin'],
  // The queue view shows every project's jobs and their payloads; it is for whoever runs the service.
  'queues:view': ['admin'],
  'policy:reload': ['admin'],
};

/** @example roleHasPermission('ci', 'evidence:write') // true */
export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLES_WITH_PERMISSION[permission].includes(role);
}

/** Every permission a role holds, in the order of `PERMISSIONS`. */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((permission) => roleHasPermission(role, permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
