import type { Request, RequestHandler, Response } from 'express';
import { requestLogOf } from '../logging/request-logger.js';
import { sendError } from './send-error.js';
import type { Logger } from '../logging/logger.js';
import type { ApiTokenRecord, Principal } from '../auth/api-token.js';
import { readBearerToken } from '../auth/bearer-token.js';
import { readBasicToken } from '../auth/basic-token.js';
import { findTrackerPlugin } from '../trackers/registry.js';
import { isScopeTracker, projectInScope, projectKeyOf } from '../auth/project-key.js';
import { ROLES, ROLES_WITH_PERMISSION, roleHasPermission, type Permission } from '../auth/roles.js';
import { looksLikeToken, tokenPrefix } from '../auth/token-secret.js';
import type { TokenRepository } from '../auth/token-repository.js';

export interface RequireTokenDeps {
  tokens: TokenRepository;
  log: Logger;
}

export interface RequireTokenOptions {
  /**
   * The project the request acts on (e.g. `projectKeyOf(req.params.key)`), checked against the token's
   * scope. Undefined means the request names no project, so only the role is checked.
   */
  projectOf?: (req: Request) => string | undefined | Promise<string | undefined>;
  /** The tracker the request acts on (e.g. `req.params.tracker`), so `jira:ML` scopes cover Jira's ML only. */
  trackerOf?: (req: Request) => string | undefined;
  /**
   * Also take the token as the password of HTTP Basic auth (any user name), and challenge for it in this
   * realm on 401, so a browser asks for it: for pages whose own asset and XHR requests carry no bearer header.
   */
  basicRealm?: string;
}

/** The scope of a `/…/:tracker/:key/…` route: the ticket key's project, in the named tracker. */
export const TICKET_ROUTE_SCOPE: RequireTokenOptions = {
  // The tracker says what part of its key names the project; an unknown tracker is answered 404 by the route.
  projectOf: (req) => findTrackerPlugin(String(req.params.tracker))?.projectOfKey(String(req.params.key)) ?? projectKeyOf(String(req.params.key)),
  trackerOf: (req) => String(req.params.tracker),
};

const HOW_TO_GET_ONE = `ask an admin for one: donegate token create --role <${ROLES.join('|')}> --name <name> [--projects ML,AI]`;

/**
 * Express middleware: the request must carry a live token whose role holds `permission` and, with
 * `projectOf`, whose scope covers the project. On success the principal is on `res.locals.principal`
 * (read it with `principalOf(res)`). Cheap checks come first: header, shape, database, role, project.
 * @example
 * router.post('/tickets/:tracker/:key/evidence',
 *   requireToken({ tokens, log }, 'evidence:write', { projectOf: (req) => projectKeyOf(String(req.params.key)) }),
 *   handler);
 */
export function requireToken(deps: RequireTokenDeps, permission: Permission, options: RequireTokenOptions = {}): RequestHandler {
  const { tokens } = deps;
  return async (req, res, next) => {
    const log = requestLogOf(req, deps.log);
    const header = req.headers.authorization;
    const bearer = (options.basicRealm === undefined ? undefined : readBasicToken(header)) ?? readBearerToken(header);
    const unauthenticated = (message: string) => challenge(res, message, options.basicRealm);
    if (bearer.status === 'missing') {
      const how = options.basicRealm === undefined ? '' : ' (or sign in with any user name and the token as password)';
      unauthenticated(`this route needs an API token: send "Authorization: Bearer <token>"${how}; ${HOW_TO_GET_ONE}`);
      return;
    }
    if (bearer.status === 'malformed' || !looksLikeToken(bearer.token)) {
      const reason = bearer.status === 'malformed' ? bearer.reason : 'the bearer token is not a donegate token (dg_ followed by 43 characters)';
      log.info({ path: req.path, reason: 'malformed' }, 'request refused: malformed Authorization header');
      unauthenticated(`${reason}; ${HOW_TO_GET_ONE}`);
      return;
    }

    let record: ApiTokenRecord | undefined;
    try {
      record = await tokens.authenticate(bearer.token);
    } catch (error) {
      next(error);
      return;
    }
    if (!record) {
      // The prefix (8 characters, `dg_` + 5) identifies a leaked or stale token without revealing it.
      log.info({ path: req.path, tokenPrefix: tokenPrefix(bearer.token), reason: 'unknown-or-revoked' }, 'request refused: unknown or revoked token');
      unauthenticated(`this token is unknown or has been revoked; ${HOW_TO_GET_ONE}`);
      return;
    }
    const who = { tokenName: record.name, tokenPrefix: record.tokenPrefix, role: record.role, path: req.path };

    if (!roleHasPermission(record.role, permission)) {
      log.info({ ...who, permission }, 'request refused: role lacks permission');
      sendError(
        res,
        403,
        'FORBIDDEN_ROLE',
        `token "${record.name}" has role ${record.role}, which does not grant ${permission}; use a token whose role is ${ROLES_WITH_PERMISSION[permission].join(' or ')}`,
      );
      return;
    }

    let project: string | undefined;
    try {
      project = await options.projectOf?.(req);
    } catch (error) {
      next(error);
      return;
    }
    const tracker = options.trackerOf?.(req);
    if (project !== undefined && !projectInScope(record.projects, project, tracker !== undefined && isScopeTracker(tracker) ? tracker : undefined)) {
      log.info({ ...who, project, projects: record.projects }, 'request refused: project outside token scope');
      sendError(
        res,
        403,
        'FORBIDDEN_PROJECT',
        `token "${record.name}" is limited to project(s) ${record.projects.join(', ')} and cannot act on project ${project.toUpperCase()}; use a token scoped to ${project.toUpperCase()} or to every project`,
      );
      return;
    }

    const principal: Principal = { tokenId: record.id, name: record.name, role: record.role, projects: record.projects };
    res.locals.principal = principal;
    log.debug({ ...who, permission }, 'request authenticated');
    next();
  };
}

function challenge(res: Response, message: string, basicRealm: string | undefined): void {
  // RFC 6750 §3: a 401 names the scheme and realm, so clients know to send a bearer token. A browser
  // prompts for a Basic challenge it finds among them (RFC 7617 §2) and ignores the Bearer one.
  const bearer = 'Bearer realm="donegate"';
  res.setHeader('WWW-Authenticate', basicRealm === undefined ? bearer : [`Basic realm="${basicRealm}", charset="UTF-8"`, bearer]);
  sendError(res, 401, 'UNAUTHENTICATED', message);
}
