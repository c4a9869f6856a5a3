import { Router } from 'express';
import { principalOf } from '../auth/index.js';
import { requireToken, TICKET_ROUTE_SCOPE, type RequireTokenDeps } from './require-token.js';
import { InvalidPeriodError, parsePeriod } from '../audit/audit-period.js';
import { CONTENT_TYPES, EXPORT_FORMATS, exportAudit, isExportFormat } from '../audit/export-audit.js';
import { readTicketHistory } from '../audit/read-ticket-history.js';
import { OutputClosedError } from '../audit/write-chunk.js';
import type { Database } from '../store/database.js';
import { requestLogOf } from '../logging/request-logger.js';
import { sendError } from './send-error.js';
import { sendTrackerParamError } from './send-tracker-param-error.js';
import { readTrackerParam } from './tracker-param.js';

const query = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Read-only audit routes for `auditor` (and `admin`) tokens.
 * `GET /api/v1/audit/tickets/:tracker/:key`: every entry about the ticket, oldest first.
 * `GET /api/v1/audit/export?from=&to=&format=jsonl|csv|html`: a period, streamed.
 */
export function createAuditRoutes(deps: { auth: RequireTokenDeps; db: Database; now?: () => Date }): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  router.get(
    '/audit/tickets/:tracker/:key',
    requireToken(deps.auth, 'audit:read', TICKET_ROUTE_SCOPE),
    async (req, res) => {
      const ticket = readTrackerParam(String(req.params.tracker), String(req.params.key));
      if (!ticket.ok) {
        sendTrackerParamError(res, ticket);
        return;
      }
      const entries = await readTicketHistory(deps.db, ticket.plugin.name, ticket.key);
      res.json({ tracker: ticket.plugin.name, ticket: ticket.key, entries });
    },
  );

  router.get('/audit/export', requireToken(deps.auth, 'audit:read'), async (req, res) => {
    const principal = principalOf(res);
    if (principal.projects.length > 0) {
      // An export spans every project; a token limited to some would see others' tickets.
      sendError(res, 403, 'FORBIDDEN_PROJECT', `token "${principal.name}" is limited to project(s) ${principal.projects.join(', ')}; exports need a token for every project (or read tickets one by one under /api/v1/audit/tickets)`);
      return;
    }
    const format = query(req.query.format) ?? 'jsonl';
    if (!isExportFormat(format)) {
      sendError(res, 400, 'INVALID_FORMAT', `format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}"`);
      return;
    }
    let period;
    try {
      period = parsePeriod(query(req.query.from), query(req.query.to));
    } catch (error) {
      if (error instanceof InvalidPeriodError) {
        sendError(res, 400, 'INVALID_PERIOD', error.message);
        return;
      }
      throw error;
    }
    const stamp = now().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('content-type', CONTENT_TYPES[format]);
    res.setHeader('content-disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="donegate-audit-${stamp}.${format}"`);
    res.setHeader('cache-control', 'no-store');
    if (format === 'html') res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    try {
      await exportAudit(deps.db, res, { format, period, now: now() });
      res.end();
    } catch (error) {
      if (error instanceof OutputClosedError) return; // the client went away; nothing left to answer
      // Headers are gone already: cut the body short, so the client sees a broken transfer rather than a whole file.
      requestLogOf(req, deps.auth.log).error({ err: { name: (error as Error)?.name, message: (error as Error)?.message }, path: req.path }, 'audit export failed');
      res.destroy();
    }
  });
  return router;
}
