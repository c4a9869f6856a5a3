import { ROLES, type Role } from '../../src/domain/index.js';
import { PERMISSIONS, permissionsOf, roleHasPermission, type Permission } from '../../src/auth/roles.js';

describe('roles and permissions', () => {
  const expected: Record<Role, Permission[]> = {
    viewer: ['decisions:read', 'waivers:read'],
    ci: ['decisions:read', 'evidence:write'],
    auditor: ['decisions:read', 'audit:read', 'waivers:read'],
    approver: ['decisions:read', 'waivers:write', 'waivers:read'],
    admin: ['decisions:read', 'evidence:write', 'waivers:write', 'audit:read', 'tokens:manage', 'waivers:read', 'queues:view', 'policy:reload'],
  };

  it.each(ROLES)('grants %s exactly its permissions', (role) => {
    expect(permissionsOf(role)).toEqual(expected[role]);
  });

  it('lets only admin manage tokens', () => {
    expect(ROLES.filter((role) => roleHasPermission(role, 'tokens:manage'))).toEqual(['admin']);
  });

  it('lets only admin open the queue view', () => {
    expect(ROLES.filter((role) => roleHasPermission(role, 'queues:view'))).toEqual(['admin']);
  });

  it('gives every permission to admin and at least one role', () => {
    for (const permission of PERMISSIONS) expect(roleHasPermission('admin', permission)).toBe(true);
  });
});
