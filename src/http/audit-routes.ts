import { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { principalOf } from '../auth/index.js';
import { requireToken, TICKET_ROUTE_SCOPE, type RequireTokenDeps } from './require-token.js';
import { InvalidPeriodError, parsePeriod } from '../audit/audit-period.js';
import { CONTENT_TYPES, EXPORT_FORMATS, exportAudit } from '../audit/export-audit.js';
import type { ActorNames } from '../audit/export-html.js';
import { readTicketHistory } from '../audit/read-ticket-history.js';
import { OutputClosedError } from '../audit/write-chunk.js';
import type { Database } from '../store/database.js';
import { requestLogOf } from '../logging/request-logger.js';
import { sendError } from './send-error.js';
import { errorResponse } from './openapi/error-response.js';
import { needsPermission } from './openapi/needs-permission.js';
import { parseRequestPart } from './parse-request-part.js';
import { emptyAsAbsent } from './request-text.js';
import { TICKET_PATH_PROBLEMS, ticketPathSchema } from './tracker-param.js';

const periodBound = (name: 'from' | 'to', end: string) =>
  emptyAsAbsent(z.string().optional()).meta({
    description: `${end} of the period: a date such as 2026-10-01 (the whole day in UTC) or a date-time such as 2026-10-01T00:00:00Z; absent: unbounded.`,
    examples: [name === 'from' ? '2026-10-01' : '2026-12-31'],
  });

/** `?format=&from=&to=` of an export; the period is read as `donegate audit export --from/--to` reads it. */
const exportQuerySchema = z
  .object({
    format: emptyAsAbsent(
      z.enum(EXPORT_FORMATS, { error: (issue) => `format must be one of ${EXPORT_FORMATS.join(', ')}, not "${String(issue.input)}"` }).default('jsonl'),
    ),
    from: periodBound('from', 'Start (inclusive)'),
    to: periodBound('to', 'End (exclusive; a date alone includes that day)'),
  })
  .transform(({ format, from, to }, ctx) => {
    try {
      return { format, period: parsePeriod(from, to) };
    } catch (error) {
      if (!(error instanceof InvalidPeriodError)) throw error;
      ctx.addIssue({ code: 'custom', path: ['from'], message: error.message });
      return z.NEVER;
    }
  });

const EXPORT_QUERY_PROBLEMS = {
  format: { status: 400, code: 'INVALID_FORMAT' },
  from: { status: 400, code: 'INVALID_PERIOD' },
  to: { status: 400, code: 'INVALID_PERIOD' },
} as const;

/** An entry as the trail answers it; typed so the audit log's entries must fit what is described. */
const auditEntrySchema = z.object({
  seq: z.number().int(),
  time: z.string().meta({ description: 'ISO 8601 in UTC with milliseconds, exactly as hashed.' }),
  type: z.string().meta({ description: 'The event type, one of the audit event catalog (README "Audit log").' }),
  tracker: z.string().nullable(),
  ticket: z.string().nullable(),
  actor: z.string().meta({ description: 'jira:<accountId>, linear:<userId>, token:<name>, cli or donegate; never an email.' }),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string().meta({ description: 'sha256 over the canonical JSON of every other field.' }),
});

/**
 * Read-only audit routes for `auditor` (and `admin`) tokens.
 * `GET /api/v1/audit/tickets/:tracker/:key`: every entry about the ticket, oldest first.
 * `GET /api/v1/audit/export?from=&to=&format=jsonl|csv|html`: a period, streamed; the HTML shows people by
 * `actorNames` (the web app's audit page resolver, so both share one cache) with their ids beside them.
 */
export function createAuditRoutes(deps: { auth: RequireTokenDeps; db: Database; now?: () => Date; actorNames?: ActorNames }): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  router.get(
    '/audit/tickets/:tracker/:key',
    requireToken(deps.auth, 'audit:read', TICKET_ROUTE_SCOPE),
    async (req, res) => {
      const ticket = parseRequestPart(res, ticketPathSchema, req.params, TICKET_PATH_PROBLEMS);
      if (!ticket) return;
      const entries: Array<z.infer<typeof auditEntrySchema>> = await readTicketHistory(deps.db, ticket.plugin.name, ticket.key);
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
    const asked = parseRequestPart(res, exportQuerySchema, req.query, EXPORT_QUERY_PROBLEMS);
    if (!asked) return;
    const { format, period } = asked;
    const stamp = now().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('content-type', CONTENT_TYPES[format]);
    res.setHeader('content-disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="donegate-audit-${stamp}.${format}"`);
    res.setHeader('cache-control', 'no-store');
    if (format === 'html') res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    try {
      await exportAudit(deps.db, res, { format, period, now: now(), ...(deps.actorNames ? { names: deps.actorNames } : {}) });
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

const exportBody = (format: (typeof EXPORT_FORMATS)[number]) =>
  [CONTENT_TYPES[format].split(';')[0]!, { schema: z.string().meta({ description: `The period's entries as ${format}, streamed.` }) }] as const;

export const auditPaths: ZodOpenApiPathsObject = {
  '/audit/tickets/{tracker}/{key}': {
    get: needsPermission('audit:read', {
      operationId: 'readTicketAuditTrail',
      summary: "A ticket's audit trail",
      description: 'Every audit log entry about the ticket, oldest first, with the hashes that chain it.',
      requestParams: { path: ticketPathSchema },
      responses: {
        200: {
          description: 'The entries (an empty list when there are none).',
          content: { 'application/json': { schema: z.object({ tracker: z.string(), ticket: z.string(), entries: z.array(auditEntrySchema) }) } },
        },
        400: errorResponse(['INVALID_TICKET_KEY'], 'The key is not one the tracker issues'),
        404: errorResponse(['UNKNOWN_TRACKER'], 'The tracker is not registered'),
      },
    }),
  },
  '/audit/export': {
    get: needsPermission('audit:read', {
      operationId: 'exportAuditLog',
      summary: 'Export a period of the audit log',
      description:
        'The audit log entries of a period, streamed as JSON lines (one entry a line, for `donegate audit verify-export`), CSV, or a self-contained HTML report. Needs a token for every project: an export spans them all.',
      requestParams: { query: exportQuerySchema },
      responses: {
        200: {
          description: 'The export; `content-disposition` names the file (attachment for jsonl and csv, inline for html).',
          headers: z.object({ 'content-disposition': z.string().meta({ description: 'attachment; filename="donegate-audit-2026-12-02.jsonl"' }) }),
          content: Object.fromEntries(EXPORT_FORMATS.map(exportBody)),
        },
        400: errorResponse(['INVALID_FORMAT', 'INVALID_PERIOD'], 'The format is unknown, or a bound is not a date or from is not before to'),
      },
    }),
  },
};
