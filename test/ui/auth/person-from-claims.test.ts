import { parseOidcRoleMap, type OidcRoleMap } from '../../../src/auth/oidc-role-map.js';
import { personFromClaims } from '../../../src/ui/auth/person-from-claims.js';

const mapOf = (text: string): OidcRoleMap => {
  const parsed = parseOidcRoleMap(text);
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.map;
};
const identity = (claims: Record<string, unknown>) => ({ issuer: 'https://idp.example.com', subject: 'sub-7', claims: { sub: 'sub-7', ...claims } });

describe('who the IdP claims make someone', () => {
  it('takes the highest mapped role, the e-mail as name and the subject as the method', () => {
    expect(personFromClaims(identity({ email: 'sam@example.com', groups: ['auditors', 'approvers'] }), { roleClaim: 'groups', roleMap: mapOf('approvers=approver,auditors=auditor') })).toEqual({
      name: 'sam@example.com',
      role: 'approver',
      projects: [],
      method: { kind: 'oidc', issuer: 'https://idp.example.com', subject: 'sub-7' },
    });
  });

  it('refuses someone in no mapped group when the map has no *', () => {
    expect(personFromClaims(identity({ groups: ['marketing'] }), { roleClaim: 'groups', roleMap: mapOf('approvers=approver') })).toEqual({ refused: expect.stringContaining('none of the groups') });
  });

  it('scopes to the projects claim, and refuses rather than widen to every project when it is missing or unreadable', () => {
    const rules = { roleClaim: 'groups', roleMap: mapOf('*=viewer'), projectsClaim: 'projects' };
    expect(personFromClaims(identity({ projects: ['ml', 'jira:ai'] }), rules)).toMatchObject({ role: 'viewer', projects: ['ML', 'jira:AI'] });
    expect(personFromClaims(identity({}), rules)).toEqual({ refused: expect.stringContaining('names no projects') });
    expect(personFromClaims(identity({ projects: ['ML-1'] }), rules)).toEqual({ refused: expect.stringContaining('not one donegate can read') });
  });
});
