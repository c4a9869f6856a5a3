import express, { Router } from 'express';
import { z } from 'zod';
import { waiverRevokedEvent } from '../audit/audit-events.js';
import { principalOf } from '../auth/principal-of.js';
import { projectInScope, projectKeyOf } from '../auth/project-key.js';
import { parseProjectKeys } from '../auth/token-input.js';
import { findTrackerPlugin, registeredTrackerSchema } from '../trackers/registry.js';
import type { Waiver } from '../waivers/waiver.js';
import { presentWaiver } from './present-waiver.js';
import { requireToken } from './require-token.js';
import { sendError } from './send-error.js';
import type { WaiverRouteDeps } from './waiver-routes.js';

const listQuerySchema = z
  .object({
    status: z.enum(['active', 'expired']).optional(),
    tracker: registeredTrackerSchema.optional(),
    project: z.string().max(1000).optional(),
  })
  .strict();

const revokeSchema = z.object({ reason: z.string().trim().min(1, 'say why the waiver is withdrawn').max(2000) }).strict();

/** The project of a waiver's ticket, as its tracker reads keys. */
const projectOf = (waiver: Waiver): string => findTrackerPlugin(waiver.tracker)?.projectOfKey(waiver.ticketKey) ?? projectKeyOf(waiver.ticketKey) ?? '';

/**
 * `GET /api/v1/waivers?status=active|expired&tracker=&project=` (approver, auditor or admin): waivers across
 * tickets, newest first, only of the projects the token covers (`expired` includes revoked ones).
 * `POST /api/v1/waivers/:id/revoke` `{reason}` (approver or admin): withdraw a waiver before it expires. The
 * waivers table is append-only, so this records a revocation row and a `waiver-revoked` entry, then
 * re-evaluates the ticket as creating a waiver does.
 */
export function createWaiverAdminRoutes(deps: WaiverRouteDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  router.get('/waivers', requireToken(deps.auth, 'waivers:read'), async (req, res) => {
    const parsed = listQuerySchema.safeParse(req.query);
    let projects: string[] = [];
    try {
      if (parsed.success && parsed.data.project !== undefined) projects = parseProjectKeys(parsed.data.project);
    } catch (error) {
      sendError(res, 400, 'INVALID_QUERY', `project: ${(error as Error).message}`);
      return;
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      sendError(res, 400, 'INVALID_QUERY', `${issue.path.join('.') || 'query'}: ${issue.message} (allowed: status=active|expired, tracker, project)`);
      return;
    }
    const { status, tracker } = parsed.data;
    const principal = principalOf(res);
    const at = now();
    const waivers = (await deps.waivers.list({ now: at, ...(tracker ? { tracker } : {}), ...(status ? { status: status === 'active' ? 'active' : 'inactive' } : {}) })).filter((waiver) => {
      const project = projectOf(waiver);
      return projectInScope(principal.projects, project, waiver.tracker) && (projects.length === 0 || projects.includes(project.toUpperCase()));
    });
    res.json({ waivers: waivers.map((w) => presentWaiver(w, at)) });
  });

  router.post('/waivers/:id/revoke', requireToken(deps.auth, 'waivers:write'), express.json({ limit: '16kb' }), async (req, res) => {
    const parsed = revokeSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      sendError(res, 400, 'INVALID_REVOCATION', `${issue.path.join('.') || 'body'}: ${issue.message}; send {"reason": "..."}`);
      return;
    }
    const id = String(req.params.id);
    const principal = principalOf(res);
    const notFound = () => sendError(res, 404, 'WAIVER_NOT_FOUND', `no waiver with id "${id.slice(0, 100)}"; GET /api/v1/waivers lists them`);
    const waiver = await deps.waivers.find(id);
    // A waiver outside the token's projects is answered as missing: its existence is not the caller's to learn.
    if (!waiver || !projectInScope(principal.projects, projectOf(waiver), waiver.tracker)) {
      notFound();
      return;
    }
    if (waiver.expiresAt.getTime() <= now().getTime()) {
      sendError(res, 409, 'WAIVER_EXPIRED', `the waiver ${waiver.id} expired on ${waiver.expiresAt.toISOString().slice(0, 10)}; it no longer counts, so there is nothing to revoke`);
      return;
    }
    const outcome = await deps.waivers.revoke(waiver.id, principal.name, parsed.data.reason);
    if (outcome.status === 'not-found') {
      notFound();
      return;
    }
    if (outcome.status === 'already-revoked') {
      sendError(res, 409, 'WAIVER_REVOKED', `the waiver ${waiver.id} was already revoked by ${outcome.waiver.revoked?.by ?? 'someone'}`);
      return;
    }
    const revoked = outcome.waiver;
    await deps.audit.append(waiverRevokedEvent({ ...revoked, revoked: revoked.revoked! }));
    let reevaluation: 'queued' | 'not-queued' = 'queued';
    try {
      await deps.enqueueReevaluation({ tracker: revoked.tracker, ticketKey: revoked.ticketKey, triggerId: `waiver-revoked:${revoked.id}`, reason: `re-evaluated after ${principal.name} revoked a waiver of ${revoked.criterion}` });
    } catch {
      reevaluation = 'not-queued';
    }
    res.json({ waiver: presentWaiver(revoked, now()), reevaluation });
  });
  return router;
}
