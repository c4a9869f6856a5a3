import { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { InvalidTokenInputError, parseProjectKeys, principalOf, projectInScope, scopesForProject } from '../auth/index.js';
import { requireToken, type RequireTokenDeps } from './require-token.js';
import type { FailingTicket, FailingTicketFilter } from '../decisions/list-failing-tickets.js';
import { renderFailingTicketsPage } from './failing-tickets-page.js';
import { errorResponse } from './openapi/error-response.js';
import { needsPermission } from './openapi/needs-permission.js';
import { parseRequestPart } from './parse-request-part.js';
import { queryText } from './request-text.js';
import { sendError } from './send-error.js';
import { trackerFieldSchema } from './tracker-param.js';

const FORMATS = ['json', 'html'] as const;
const LIMIT_PROBLEM = 'limit must be a whole number from 1 to 5000';

/** `?tracker=&format=&limit=&project=`, checked in that order. */
const failingQuerySchema = z.object({
  tracker: queryText(trackerFieldSchema.optional()),
  format: queryText(z.enum(FORMATS, { error: `format must be one of ${FORMATS.join(', ')}` }).default('json')),
  limit: queryText(
    z
      .string()
      .regex(/^\d+$/, LIMIT_PROBLEM)
      .default('500')
      .transform(Number)
      .pipe(z.number().min(1, LIMIT_PROBLEM).max(5000, LIMIT_PROBLEM))
      .meta({ description: 'How many tickets at most: a whole number from 1 to 5000 (default 500).' }),
  ),
  project: queryText(
    z
      .string()
      .transform((text, ctx) => {
        try {
          // The same reading as a token's --projects: comma-separated keys, upper-cased.
          return parseProjectKeys(text);
        } catch (error) {
          if (!(error instanceof InvalidTokenInputError)) throw error;
          ctx.addIssue({ code: 'custom', message: error.message });
          return z.NEVER;
        }
      })
      .optional()
      .meta({ description: 'Comma-separated project (Jira) or team (Linear) keys, such as ML,AI; absent: every project the token may read.' }),
  ),
});

const FAILING_QUERY_PROBLEMS = {
  tracker: { status: 400, code: 'INVALID_TRACKER' },
  format: { status: 400, code: 'INVALID_FORMAT' },
  limit: { status: 400, code: 'INVALID_LIMIT' },
  project: { status: 400, code: 'INVALID_PROJECT' },
} as const;

export interface FailingTicketRouteDeps {
  auth: RequireTokenDeps;
  list: (filter: FailingTicketFilter) => Promise<FailingTicket[]>;
  now?: () => Date;
}

/**
 * `GET /api/v1/tickets/failing`: tickets whose latest decision is a fail or an error (blocked, warned, or
 * not checkable), newest first, within the token's projects. `?tracker=`, `?project=` (comma-separated),
 * `?format=json|html`, `?limit=` (1–5000, default 500).
 */
export function createFailingTicketRoutes({ auth, list, now = () => new Date() }: FailingTicketRouteDeps): Router {
  const router = Router();
  router.get('/tickets/failing', requireToken(auth, 'decisions:read'), async (req, res) => {
    const query = parseRequestPart(res, failingQuerySchema, req.query, FAILING_QUERY_PROBLEMS);
    if (!query) return;
    const { tracker, format, limit } = query;
    const asked = query.project ?? [];
    const scope = principalOf(res).projects;
    const outside = asked.filter((project) => !projectInScope(scope, project, tracker));
    if (outside.length > 0) {
      sendError(res, 403, 'FORBIDDEN_PROJECT', `this token is limited to ${scope.join(', ')}; it cannot read ${outside.join(', ')}`);
      return;
    }
    // Scopes as stored (`ML`, `jira:ML`): a `jira:ML` token asking for ML sees Jira's ML only.
    const projects = asked.length === 0 ? scope : scope.length === 0 ? asked : asked.flatMap((project) => scopesForProject(scope, project, tracker));
    const tickets = await list({ ...(tracker ? { tracker } : {}), projects, limit });
    if (format === 'html') {
      // The page needs nothing but its own inline styles; anything else it tried to load would be an injection.
      res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      res.type('html').send(renderFailingTicketsPage(tickets, now()));
      return;
    }
    res.json({ count: tickets.length, tickets });
  });
  return router;
}

export const failingTicketPaths: ZodOpenApiPathsObject = {
  '/tickets/failing': {
    get: needsPermission('decisions:read', {
      operationId: 'listFailingTickets',
      summary: 'Tickets whose latest decision did not pass',
      description: 'Tickets whose latest decision is a fail or an error (blocked, warned, or not checkable), newest first, within the token\'s projects; as JSON, or as an HTML page for people.',
      requestParams: { query: failingQuerySchema },
      responses: {
        200: {
          description: 'The failing tickets.',
          content: {
            'application/json': {
              schema: z.object({
                count: z.number().int(),
                tickets: z.array(
                  z.record(z.string(), z.unknown()).meta({ description: 'One ticket: tracker, ticketKey, outcome, mode, rule, status, unmet criteria, reason, decidedAt and failingSince.' }),
                ),
              }),
            },
            'text/html': { schema: z.string().meta({ description: 'A self-contained page (format=html).' }) },
          },
        },
        400: errorResponse(['INVALID_TRACKER', 'INVALID_FORMAT', 'INVALID_LIMIT', 'INVALID_PROJECT'], 'A query value is not acceptable'),
      },
    }),
  },
};
