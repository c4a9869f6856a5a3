import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { ROLES_WITH_PERMISSION, type Permission } from '../../auth/roles.js';
import { errorResponse } from './error-response.js';

/** The name of the bearer security scheme in `components.securitySchemes`. */
export const BEARER_SCHEME = 'donegateToken';

/**
 * An operation behind `requireToken(…, permission)`: it names the bearer scheme, the permission and the
 * roles that hold it (from ROLES_WITH_PERMISSION, so a role granted a permission shows up here unasked),
 * and the 401/403 answers every guarded route gives.
 */
export function needsPermission(permission: Permission, operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject {
  const roles = ROLES_WITH_PERMISSION[permission];
  const access = `Needs a token whose role is ${roles.join(' or ')} (permission ${permission}).`;
  return {
    ...operation,
    description: operation.description ? `${operation.description}\n\n${access}` : access,
    security: [{ [BEARER_SCHEME]: [] }],
    'x-donegate-permission': permission,
    'x-donegate-roles': [...roles],
    responses: {
      ...operation.responses,
      401: errorResponse(['UNAUTHENTICATED'], 'No token, a malformed one, or an unknown or revoked one'),
      403: errorResponse(['FORBIDDEN_ROLE', 'FORBIDDEN_PROJECT'], "The token's role lacks the permission, or its projects do not cover the ticket"),
      500: errorResponse(['INTERNAL'], 'donegate failed; the error is logged'),
    },
  };
}

