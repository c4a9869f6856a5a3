import express, { Router } from 'express';
import { z } from 'zod';
import { tokenActor, tokenEvent } from '../audit/audit-events.js';
import type { AuditLog } from '../audit/audit-log.js';
import { principalOf } from '../auth/principal-of.js';
import { DuplicateTokenNameError, InvalidTokenInputError } from '../auth/token-errors.js';
import { parseProjects, parseRole, parseTokenName } from '../auth/token-input.js';
import { toTokenListing } from '../auth/token-listing.js';
import type { TokenRepository } from '../auth/token-repository.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';
import { sendError } from './send-error.js';

export interface TokenRouteDeps {
  auth: RequireTokenDeps;
  tokens: TokenRepository;
  audit: AuditLog;
}

/** `POST /api/v1/tokens` body; `projects` as a list or as the CLI's comma-separated text. */
const createTokenSchema = z
  .object({
    role: z.string().max(40),
    name: z.string().max(200),
    projects: z.union([z.array(z.string().max(200)).max(200), z.string().max(4000)]).optional(),
  })
  .strict();

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

  router.post('/tokens', guard, express.json({ limit: '16kb' }), async (req, res) => {
    const parsed = createTokenSchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      sendError(res, 400, 'INVALID_TOKEN', `${issue.path.join('.') || 'body'}: ${issue.message}; send {"role": "ci|auditor|approver|admin", "name": "...", "projects": ["ML"]}`);
      return;
    }
    const actor = principalOf(res);
    try {
      const input = { name: parseTokenName(parsed.data.name), role: parseRole(parsed.data.role), projects: parseProjects(parsed.data.projects ?? []) };
      const { token, record } = await deps.tokens.create({ ...input, createdBy: tokenActor(actor.name) });
      await deps.audit.append(tokenEvent('token-created', record, tokenActor(actor.name)));
      deps.auth.log.info({ tokenName: record.name, tokenPrefix: record.tokenPrefix, role: record.role, by: actor.name }, 'token created');
      res.setHeader('cache-control', 'no-store');
      res.status(201).json({ token, record: toTokenListing(record) });
    } catch (error) {
      if (error instanceof InvalidTokenInputError) sendError(res, 400, 'INVALID_TOKEN', error.message);
      else if (error instanceof DuplicateTokenNameError) sendError(res, 409, 'DUPLICATE_TOKEN_NAME', error.message);
      else throw error;
    }
  });

  router.post('/tokens/:nameOrId/revoke', guard, async (req, res) => {
    const nameOrId = String(req.params.nameOrId);
    const actor = principalOf(res);
    const live = (await deps.tokens.list()).filter((t) => t.revokedAt === null);
    const target = live.find((t) => t.id === nameOrId || t.name === nameOrId.trim());
    if (!target) {
      sendError(res, 404, 'TOKEN_NOT_FOUND', `no live token named or with id "${nameOrId.slice(0, 100)}"; GET /api/v1/tokens lists them`);
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
      sendError(res, 404, 'TOKEN_NOT_FOUND', `no live token named or with id "${nameOrId.slice(0, 100)}"; GET /api/v1/tokens lists them`);
      return;
    }
    await deps.audit.append(tokenEvent('token-revoked', record, tokenActor(actor.name)));
    deps.auth.log.info({ tokenName: record.name, tokenPrefix: record.tokenPrefix, by: actor.name, self: record.id === actor.tokenId }, 'token revoked');
    res.json({ record: toTokenListing(record) });
  });
  return router;
}
