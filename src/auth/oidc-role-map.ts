import { isRole, type Role } from './roles.js';

/** From least to most: when someone's groups map to several roles, the last of these wins. */
const RANK: readonly Role[] = ['viewer', 'auditor', 'approver', 'admin'];

/** IdP group (claim value) → role; `*` is the role of anyone the IdP vouches for who matches no group. */
export type OidcRoleMap = ReadonlyMap<string, Role>;

/**
 * `OIDC_ROLE_MAP`: `security-leads=admin,approvers=approver,auditors=auditor,*=viewer`. People get no `ci`
 * role: that one is for pipelines, with a token. Returns the problems instead when there are any.
 */
export function parseOidcRoleMap(text: string): { map: OidcRoleMap } | { problems: string[] } {
  const map = new Map<string, Role>();
  const problems: string[] = [];
  for (const pair of text.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const at = pair.lastIndexOf('=');
    const group = pair.slice(0, Math.max(at, 0)).trim();
    const role = pair.slice(at + 1).trim().toLowerCase();
    if (at <= 0 || group === '') problems.push(`"${pair.slice(0, 100)}" is not group=role`);
    else if (!isRole(role) || role === 'ci') problems.push(`"${pair.slice(0, 100)}": the role must be one of ${RANK.join(', ')}`);
    else map.set(group, role);
  }
  if (problems.length === 0 && map.size === 0) problems.push('map at least one group to a role, such as approvers=approver,*=viewer');
  return problems.length > 0 ? { problems } : { map };
}

/** The claim's values: a list of strings (groups), one string, or nothing usable. */
export function claimValues(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((value): value is string => typeof value === 'string');
  return [];
}

/**
 * The highest role any of the person's groups maps to, else the `*` role, else undefined (refused).
 * @example roleForGroups(map, ['approvers', 'everyone']) // 'approver'
 */
export function roleForGroups(map: OidcRoleMap, groups: readonly string[]): Role | undefined {
  let best: Role | undefined;
  for (const group of groups) {
    const role = group === '*' ? undefined : map.get(group);
    if (role !== undefined && (best === undefined || RANK.indexOf(role) > RANK.indexOf(best))) best = role;
  }
  return best ?? map.get('*');
}
