import express, { Router, type Response } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { tokenActor, tokenEvent } from '../audit/audit-events.js';
import type { AuditLog } from '../audit/audit-log.js';
import { principalOf } from '../auth/principal-of.js';
import { DuplicateTokenNameError } from '../auth/token-errors.js';
import { parseProjects, parseRole, parseTokenName } from '../auth/token-input.js';
import { tokenListingSchema, toTokenListing } from '../auth/token-listing.js';
import type { TokenRepository } from '../auth/token-repository.js';
import { ROLES } from '../domain/index.js';
import { errorResponse } from './openapi/error-response.js';
import { jsonBodyResponses } from './openapi/json-body-responses.js';
import { needsPermission } from './openapi/needs-permission.js';
import { parseRequestPart } from './parse-request-part.js';
import { parseRequestWhole } from './parse-request-whole.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';
import { sendError } from './send-error.js';
import { tokenInputField } from './token-input-field.js';

export interface TokenRouteDeps {
  auth: RequireTokenDeps;
  tokens: TokenRepository;
  audit: AuditLog;
}

const CREATE_BODY_LIMIT = '16kb';

/**
 * `POST /api/v1/tokens` body, read as `donegate token create` reads its flags: `projects` as a list or as
 * the CLI's comma-separated text.
 */
const createTokenSchema = z
  .object({
    role: z.string().max(40).meta({ description: `One of ${ROLES.join(', ')} (any case).` }).transform(tokenInputField(parseRole)),
    name: z.string().max(200).meta({ description: 'A name unique among live tokens, such as ci-main; at most 100 characters, no control characters.' }).transform(tokenInputField(parseTokenName)),
    projects: z
      .union([z.array(z.string().max(200)).max(200), z.string().max(4000)])
      .meta({ description: 'Project scopes, such as ["ML", "jira:AI"] or "ML,jira:AI": a bare key covers that project in every tracker. Absent or empty: every project.' })
      .default([])
      .transform(tokenInputField(parseProjects)),
  })
  .strict();

/** `:nameOrId` of `POST /api/v1/tokens/:nameOrId/revoke`. */
const tokenRefPathSchema = z.object({ nameOrId: z.string().meta({ description: "A live token's name or id, as GET /tokens lists them." }) });

const tokenNotFound = (res: Response, nameOrId: string) =>
  sendError(res, 404, 'TOKEN_NOT_FOUND', `no live token named or with id "${nameOrId.slice(0, 100)}"; GET /api/v1/tokens lists them`);

/**
 * Token administration for `admin` tokens, so a running service (which owns an embedded store) can be
 * managed without stopping it. Each change is audited with the acting token as actor, as the CLI does with `cli`.
 * `GET /api/v1/tokens`: every token, as `donegate token list --json` shows it (never the token or its hash).
 * `POST /api/v1/tokens` `{role, name, projects?}`: 201 with the token, shown this once, and its record.
 * `POST /api/v1/tokens/:nameOrId/revoke`: 200 with the record, 404 when no live token matches.
 */
export function createTokenRoutes(deps: TokenRouteDeps): Router {
  const router = Router();
  const guard = requireToken(deps.auth, 'tokens:manage');

  router.get('/tokens', guard, async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({ tokens: (await deps.tokens.list()).map(toTokenListing) });
  });

  router.post('/tokens', guard, express.json({ limit: CREATE_BODY_LIMIT }), async (req, res) => {
    const input = parseRequestWhole(res, createTokenSchema, req.body, {
      code: 'INVALID_TOKEN',
      part: 'body',
      hint: `; send {"role": "${ROLES.join('|')}", "name": "...", "projects": ["ML"]}`,
    });
    if (!input) return;
    const actor = principalOf(res);
    try {
      const { token, record } = await deps.tokens.create({ ...input, createdBy: tokenActor(actor.name) });
      await deps.audit.append(tokenEvent('token-created', record, tokenActor(actor.name)));
      deps.auth.log.info({ tokenName: record.name, tokenPrefix: record.tokenPrefix, role: record.role, by: actor.name }, 'token created');
      res.setHeader('cache-control', 'no-store');
      res.status(201).json({ token, record: toTokenListing(record) });
    } catch (error) {
      if (error instanceof DuplicateTokenNameError) sendError(res, 409, 'DUPLICATE_TOKEN_NAME', error.message);
      else throw error;
    }
  });

  router.post('/tokens/:nameOrId/revoke', guard, async (req, res) => {
    const path = parseRequestPart(res, tokenRefPathSchema, req.params, { nameOrId: { status: 404, code: 'TOKEN_NOT_FOUND' } });
    if (!path) return;
    const { nameOrId } = path;
    const actor = principalOf(res);
    const live = (await deps.tokens.list()).filter((t) => t.revokedAt === null);
    const target = live.find((t) => t.id === nameOrId || t.name === nameOrId.trim());
    if (!target) {
      tokenNotFound(res, nameOrId);
      return;
    }
    // Revoking the token in use is allowed (a leaked admin token must be stoppable with itself), but not the
    // last live admin token: nobody could then manage tokens without stopping the service.
    if (target.role === 'admin' && live.filter((t) => t.role === 'admin').length === 1) {
      sendError(res, 409, 'LAST_ADMIN_TOKEN', `"${target.name}" is the last live admin token; create another admin token first, then revoke this one`);
      return;
    }
    const record = await deps.tokens.revoke(target.id);
    if (!record) {
      tokenNotFound(res, nameOrId);
      return;
    }
    await deps.audit.append(tokenEvent('token-revoked', record, tokenActor(actor.name)));
    deps.auth.log.info({ tokenName: record.name, tokenPrefix: record.tokenPrefix, by: actor.name, self: record.id === actor.tokenId }, 'token revoked');
    res.json({ record: toTokenListing(record) });
  });
  return router;
}

export const tokenPaths: ZodOpenApiPathsObject = {
  '/tokens': {
    get: needsPermission('tokens:manage', {
      operationId: 'listTokens',
      summary: 'Every API token',
      description: 'Every token, live and revoked, as `donegate token list --json` shows it: never the token itself or its hash.',
      responses: {
        200: { description: 'The tokens (`cache-control: no-store`).', content: { 'application/json': { schema: z.object({ tokens: z.array(tokenListingSchema) }) } } },
      },
    }),
    post: needsPermission('tokens:manage', {
      operationId: 'createToken',
      summary: 'Create an API token',
      description: 'As `donegate token create`, on a running service; recorded in the audit log as `token-created` with the calling token as actor.',
      requestBody: { required: true, content: { 'application/json': { schema: createTokenSchema } } },
      responses: {
        201: {
          description: 'The token, shown this once (`cache-control: no-store`), and its record.',
          content: { 'application/json': { schema: z.object({ token: z.string().meta({ description: 'dg_ followed by 43 characters; store it now, it cannot be shown again.' }), record: tokenListingSchema }) } },
        },
        ...jsonBodyResponses(CREATE_BODY_LIMIT, { codes: ['INVALID_TOKEN'], when: 'The role, name or projects are not acceptable, or the body has other fields' }),
        409: errorResponse(['DUPLICATE_TOKEN_NAME'], 'A live token already has this name'),
      },
    }),
  },
  '/tokens/{nameOrId}/revoke': {
    post: needsPermission('tokens:manage', {
      operationId: 'revokeToken',
      summary: 'Revoke an API token',
      description: 'Revokes a live token at once, the calling token included; recorded in the audit log as `token-revoked`. The last live admin token cannot be revoked.',
      requestParams: { path: tokenRefPathSchema },
      responses: {
        200: { description: "The revoked token's record.", content: { 'application/json': { schema: z.object({ record: tokenListingSchema }) } } },
        404: errorResponse(['TOKEN_NOT_FOUND'], 'No live token has this name or id'),
        409: errorResponse(['LAST_ADMIN_TOKEN'], 'It is the last live admin token'),
      },
    }),
  },
};
