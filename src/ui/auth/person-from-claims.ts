import { claimValues, roleForGroups, type OidcRoleMap } from '../../auth/oidc-role-map.js';
import { parseProjects } from '../../auth/token-input.js';
import type { OidcIdentity } from './oidc-sign-in.js';
import type { SignedInPerson } from './ui-sessions.js';

export interface ClaimRules {
  roleClaim: string;
  roleMap: OidcRoleMap;
  projectsClaim?: string;
}

/**
 * Who the IdP's claims make someone in donegate, or why they may not sign in (shown to them as is).
 * Their role is the highest their groups map to; with a projects claim configured, someone without it gets
 * nothing rather than every project.
 */
export function personFromClaims(identity: OidcIdentity, rules: ClaimRules): SignedInPerson | { refused: string } {
  const { claims } = identity;
  const role = roleForGroups(rules.roleMap, claimValues(claims[rules.roleClaim]));
  if (role === undefined) {
    return { refused: `Your account is in none of the groups donegate lets in (claim "${rules.roleClaim}"). Ask a donegate admin to add you to one of them, or for a sign-in link.` };
  }
  let projects: string[] = [];
  if (rules.projectsClaim !== undefined) {
    try {
      projects = parseProjects(claimValues(claims[rules.projectsClaim]));
    } catch {
      return { refused: `The project list your identity provider sent (claim "${rules.projectsClaim}") is not one donegate can read. Ask a donegate admin to check it.` };
    }
    if (projects.length === 0) return { refused: `Your account names no projects (claim "${rules.projectsClaim}"). Ask a donegate admin to give you at least one.` };
  }
  const name = [claims.email, claims.name, claims.preferred_username].find((value): value is string => typeof value === 'string' && value.trim() !== '') ?? identity.subject;
  return { name: name.trim().slice(0, 200), role, projects, method: { kind: 'oidc', issuer: identity.issuer, subject: identity.subject } };
}
