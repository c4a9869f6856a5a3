import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import type { DecisionRepository } from '../decisions/decision-repository.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../store/database.js';
import type { EnqueueCommand, EnqueueTransition } from '../queue/enqueue-types.js';
import { mountWebhookRoutes, type WebhookRoutesDeps } from '../webhooks/mount-webhook-routes.js';
import { sendContinue } from '../webhooks/expect-continue.js';
import type { RequireTokenDeps } from './require-token.js';
import type { IngestEvidence } from '../intake/ingest-evidence.js';
import type { IdempotencyKeys } from '../evidence/idempotency-keys.js';
import type { FailingTicket, FailingTicketFilter } from '../decisions/list-failing-tickets.js';
import type { ActorNames } from '../audit/export-html.js';
import { createAuditRoutes } from './audit-routes.js';
import { createDecisionRoutes } from './decision-routes.js';
import { createFailingTicketRoutes } from './failing-ticket-routes.js';
import { createEvidenceRoutes } from './evidence-routes.js';
import { createWaiverRoutes, type WaiverRouteDeps } from './waiver-routes.js';
import { createHealthRoutes, type ReadinessCheck } from './health-routes.js';
import { createTokenRoutes } from './token-routes.js';
import { createSignInLinkRoutes, type SignInLinkRouteDeps } from './sign-in-link-routes.js';
import { createAuditVerifyRoute } from './audit-verify-route.js';
import { createWaiverAdminRoutes } from './waiver-admin-routes.js';
import { sendError } from './send-error.js';
import { clientErrorOf } from './client-error.js';
import type { Metrics } from '../metrics/create-metrics.js';
import { countDeliveries } from '../metrics/count-deliveries.js';
import { createMetricsRoute } from '../metrics/metrics-route.js';
import { deliveryLog } from '../webhooks/delivery-log.js';
import { TRACKER_PLUGINS } from '../trackers/registry.js';
import type { Queue } from 'bullmq';
import { createQueueViewRoutes, QUEUE_VIEW_PATH } from './queue-view-routes.js';
import { buildOpenApiDocument } from './openapi/build-openapi-document.js';
import { createOpenApiRoute } from './openapi/openapi-route.js';
import { requestLogOf } from '../logging/request-logger.js';
import { createRequestLogging } from './request-logging.js';
import { createPolicyRoutes } from './policy-routes.js';
import type { ReloadPolicy } from '../policy/policy-reload-result.js';

export interface AppDeps {
  auth: RequireTokenDeps;
  ingestEvidence: IngestEvidence;
  evidenceMaxBytes: number;
  /** Idempotency keys of evidence uploads, so a retried upload is stored once. */
  evidenceIdempotencyKeys: IdempotencyKeys;
  waiverRoutes: Omit<WaiverRouteDeps, 'auth'>;
  /** Each enabled tracker's webhook secret and replay window, by tracker name; absent → its route answers 404. */
  webhooks: WebhookRoutesDeps['webhooks'];
  webhookMaxBytes: number;
  enqueue: EnqueueTransition;
  enqueueCommand: EnqueueCommand;
  decisions: DecisionRepository;
  /** Tickets whose latest decision did not pass, for `GET /api/v1/tickets/failing`. */
  failingTickets: (filter: FailingTicketFilter) => Promise<FailingTicket[]>;
  /** The database the audit routes read the audit log from. */
  auditDb: Database;
  /** People's display names for the HTML audit export (the web app's resolver); absent → account ids alone. */
  auditActorNames?: ActorNames;
  readiness: ReadinessCheck[];
  /** Shown by `/readyz` without making it fail: e.g. a database role that could rewrite the audit log. */
  readinessWarnings?: readonly string[];
  log: Logger;
  now?: () => number;
  /** Counts deliveries and serves `GET /metrics`; absent → no `/metrics` route. */
  metrics?: Metrics;
  /** The queues `GET /admin/queues` shows to admins (bull-board, read-only); absent → no queue view. */
  queues?: readonly Queue[];
  /** The web app (`src/ui/`), mounted at /ui; absent → no pages. */
  ui?: Router;
  /** `POST /api/v1/sign-in-links`; absent → no such route. */
  signInLinks?: Pick<SignInLinkRouteDeps, 'links' | 'publicUrl'>;
  /** `POST /api/v1/admin/policy/reload`; absent → no such route. */
  reloadPolicy?: ReloadPolicy;
}

/** The HTTP surface: webhook receivers, health, and the `/api/v1` read API. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  // First of all, so every answer — webhooks, 404s, 413s, 401s — carries the request's id.
  app.use(createRequestLogging(deps.log));

  const metrics = deps.metrics;
  if (metrics) {
    for (const { name } of TRACKER_PLUGINS) app.use(`/webhooks/${name}`, countDeliveries(metrics, name, (res) => deliveryLog(res).outcome));
  }
  // Webhook routers read their own raw bodies, so they come before anything that parses bodies.
  mountWebhookRoutes(app, {
    webhooks: deps.webhooks,
    maxBytes: deps.webhookMaxBytes,
    enqueue: deps.enqueue,
    enqueueCommand: deps.enqueueCommand,
    log: deps.log,
    ...(deps.now ? { now: deps.now } : {}),
  });
  // Past the webhooks, every route reads its body as before: a client waiting for `100 Continue` gets it now.
  app.use((req, res, next) => {
    sendContinue(req, res);
    next();
  });
  app.use(createHealthRoutes(deps.readiness, deps.readinessWarnings));
  if (metrics) app.use(createMetricsRoute(metrics.registry));
  app.use('/api/v1', createDecisionRoutes({ auth: deps.auth, decisions: deps.decisions }));
  app.use('/api/v1', createAuditRoutes({ auth: deps.auth, db: deps.auditDb, ...(deps.auditActorNames ? { actorNames: deps.auditActorNames } : {}) }));
  app.use('/api/v1', createFailingTicketRoutes({ auth: deps.auth, list: deps.failingTickets }));
  app.use('/api/v1', createWaiverRoutes({ auth: deps.auth, ...deps.waiverRoutes }));
  app.use('/api/v1', createWaiverAdminRoutes({ auth: deps.auth, ...deps.waiverRoutes }));
  // Token changes go to the same audit log as waivers: the service has one.
  app.use('/api/v1', createTokenRoutes({ auth: deps.auth, tokens: deps.auth.tokens, audit: deps.waiverRoutes.audit }));
  app.use('/api/v1', createAuditVerifyRoute({ auth: deps.auth, db: deps.auditDb }));
  app.use('/api/v1', createOpenApiRoute(buildOpenApiDocument()));
  app.use('/api/v1', createEvidenceRoutes({ auth: deps.auth, ingest: deps.ingestEvidence, maxBytes: deps.evidenceMaxBytes, idempotencyKeys: deps.evidenceIdempotencyKeys }));
  if (deps.queues) app.use(QUEUE_VIEW_PATH, ...createQueueViewRoutes({ auth: deps.auth, queues: deps.queues }));
  if (deps.reloadPolicy) app.use('/api/v1', createPolicyRoutes({ auth: deps.auth, reloadPolicy: deps.reloadPolicy }));
  if (deps.signInLinks) app.use('/api/v1', createSignInLinkRoutes({ auth: deps.auth, audit: deps.waiverRoutes.audit, ...deps.signInLinks }));

  if (deps.ui) app.use('/ui', deps.ui);

  app.use((req, res) => {
    sendError(res, 404, 'NOT_FOUND', `no route for ${req.method} ${req.path}`);
  });
  const onError: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    // A body parser's refusal is the client's fault: its status, a fixed message, nothing of the body.
    const clientError = clientErrorOf(error);
    if (clientError) {
      requestLogOf(req, deps.log).info({ path: req.path, code: clientError.code }, 'request refused: unreadable body');
      if (!res.headersSent) sendError(res, clientError.status, clientError.code, clientError.message);
      return;
    }
    // Otherwise it is our own fault; logged without request bodies or headers.
    requestLogOf(req, deps.log).error({ err: { name: (error as Error)?.name, message: (error as Error)?.message }, path: req.path }, 'request failed');
    if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'donegate could not handle this request; the error is logged');
  };
  app.use(onError);
  return app;
}
