/** API tokens: roles and permissions, scopes and the repository. The Express guard is `http/require-token`. */
export type { ApiTokenRecord, NewApiToken, Principal } from './api-token.js';
export { readBearerToken, type BearerToken } from './bearer-token.js';
export { readBasicToken } from './basic-token.js';
export { MissingPrincipalError, principalOf } from './principal-of.js';
export { isScopeTracker, projectInScope, projectKeyOf, scopesForProject } from './project-key.js';
export { isRole, PERMISSIONS, permissionsOf, roleHasPermission, ROLES, ROLES_WITH_PERMISSION, type Permission, type Role } from './roles.js';
export { DuplicateTokenNameError, InvalidTokenInputError } from './token-errors.js';
export { parseProjectKeys, parseProjects, parseRole, parseTokenName } from './token-input.js';
export { createTokenRepository, type CreatedToken, type TokenRepository, type TokenRepositoryOptions } from './token-repository.js';
export { generateToken, hashToken, looksLikeToken, tokenPrefix } from './token-secret.js';
