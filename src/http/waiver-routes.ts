import express, { Router } from 'express';
import { principalOf, projectInScope, projectKeyOf } from '../auth/index.js';
import { requireToken, TICKET_ROUTE_SCOPE, type RequireTokenDeps } from './require-token.js';
import { waiverCreatedEvent } from '../audit/audit-events.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CriterionRegistry } from '../criteria/registry.js';
import type { Policy } from '../policy/policy.js';
import type { EnqueueReevaluation } from '../queue/enqueue-reevaluation.js';
import type { WaiverRepository } from '../waivers/waiver-repository.js';
import { waiverExpiry, waiverRequestSchema } from '../waivers/waiver-request.js';
import { findTrackerPlugin } from '../trackers/registry.js';
import { presentWaiver } from './present-waiver.js';
import { sendError } from './send-error.js';
import { trackerChoices } from './tracker-param.js';

export interface WaiverRouteDeps {
  auth: RequireTokenDeps;
  waivers: WaiverRepository;
  registry: CriterionRegistry;
  policy: () => Policy;
  enqueueReevaluation: EnqueueReevaluation;
  audit: AuditLog;
  now?: () => Date;
}

/**
 * `POST /api/v1/waivers` (approver or admin tokens): accept a risk on a ticket's criterion, or on some of
 * its advisories, with a reason and an end date no further than the policy allows.
 * `GET /api/v1/tickets/:tracker/:key/waivers`: the ticket's waivers, active and expired.
 */
export function createWaiverRoutes(deps: WaiverRouteDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  router.post('/waivers', requireToken(deps.auth, 'waivers:write'), express.json({ limit: '64kb' }), async (req, res) => {
    const parsed = waiverRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      sendError(res, 400, 'INVALID_WAIVER', `${issue.path.join('.') || 'body'}: ${issue.message}`);
      return;
    }
    const request = parsed.data;
    const principal = principalOf(res);
    const project = projectKeyOf(request.ticket)!;
    if (!projectInScope(principal.projects, project, request.tracker)) {
      sendError(res, 403, 'FORBIDDEN_PROJECT', `token "${principal.name}" is limited to project(s) ${principal.projects.join(', ')} and cannot waive for ${request.tracker} ${request.ticket.toUpperCase()}`);
      return;
    }
    if (!deps.registry.has(request.criterion)) {
      sendError(res, 400, 'INVALID_WAIVER', `criterion: unknown criterion "${request.criterion}"; known criteria: ${[...deps.registry.keys()].join(', ')}`);
      return;
    }
    const expiry = waiverExpiry(request.expires, now(), deps.policy().waivers.maxDays);
    if ('problem' in expiry) {
      sendError(res, 400, 'INVALID_WAIVER', `expires: ${expiry.problem}`);
      return;
    }
    const waiver = await deps.waivers.add({
      tracker: request.tracker,
      ticketKey: request.ticket.toUpperCase(),
      criterion: request.criterion,
      advisories: request.advisories,
      reason: request.reason,
      approver: principal.name,
      approvedVia: 'api',
      expiresAt: expiry.expiresAt,
    });
    await deps.audit.append(waiverCreatedEvent(waiver));
    let reevaluation: 'queued' | 'not-queued' = 'queued';
    try {
      await deps.enqueueReevaluation({ tracker: waiver.tracker, ticketKey: waiver.ticketKey, triggerId: `waiver:${waiver.id}`, reason: `re-evaluated after a waiver of ${waiver.criterion} by ${waiver.approver}` });
    } catch {
      reevaluation = 'not-queued';
    }
    res.status(201).json({ waiver: presentWaiver(waiver, now()), reevaluation });
  });

  router.get(
    '/tickets/:tracker/:key/waivers',
    requireToken(deps.auth, 'decisions:read', TICKET_ROUTE_SCOPE),
    async (req, res) => {
      const tracker = String(req.params.tracker);
      const plugin = findTrackerPlugin(tracker);
      if (!plugin) {
        sendError(res, 404, 'UNKNOWN_TRACKER', `unknown tracker "${tracker.slice(0, 40)}"; use ${trackerChoices()}`);
        return;
      }
      const key = String(req.params.key).toUpperCase();
      const byCriterion = await deps.waivers.forTicket(plugin.name, key);
      res.json({ tracker, ticket: key, waivers: [...byCriterion.values()].flat().map((w) => presentWaiver(w, now())) });
    },
  );
  return router;
}
