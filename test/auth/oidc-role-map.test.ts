import { claimValues, parseOidcRoleMap, roleForGroups, type OidcRoleMap } from '../../src/auth/oidc-role-map.js';

const mapOf = (text: string): OidcRoleMap => {
  const parsed = parseOidcRoleMap(text);
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.map;
};

describe('OIDC_ROLE_MAP', () => {
  const map = mapOf('security-leads=admin, approvers=approver ,auditors=auditor,*=viewer');

  it('gives the highest role any of the groups maps to', () => {
    expect(roleForGroups(map, ['auditors', 'approvers'])).toBe('approver');
    expect(roleForGroups(map, ['approvers', 'security-leads', 'auditors'])).toBe('admin');
    expect(roleForGroups(map, ['auditors'])).toBe('auditor');
  });

  it('gives the * role to someone in no mapped group', () => {
    expect(roleForGroups(map, ['marketing'])).toBe('viewer');
    expect(roleForGroups(map, [])).toBe('viewer');
  });

  it('refuses someone in no mapped group when there is no *', () => {
    expect(roleForGroups(mapOf('approvers=approver'), ['marketing'])).toBeUndefined();
  });

  it('does not let a group literally named * stand for the fallback', () => {
    expect(roleForGroups(mapOf('approvers=approver,*=viewer'), ['*'])).toBe('viewer');
    expect(roleForGroups(mapOf('approvers=approver'), ['*'])).toBeUndefined();
  });

  it('refuses the ci role, unknown roles, pairs without = and an empty map', () => {
    expect(parseOidcRoleMap('pipelines=ci')).toEqual({ problems: [expect.stringContaining('the role must be one of viewer, auditor, approver, admin')] });
    expect(parseOidcRoleMap('x=root')).toHaveProperty('problems');
    expect(parseOidcRoleMap('approvers')).toEqual({ problems: ['"approvers" is not group=role'] });
    expect(parseOidcRoleMap(' , ')).toHaveProperty('problems');
  });

  it('reads a groups claim given as a list or as one string, ignoring other values', () => {
    expect(claimValues(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(claimValues('a')).toEqual(['a']);
    expect(claimValues({ a: 1 })).toEqual([]);
  });
});
