import type { FaultQueue } from './fault-queue.js';
import { createGraphqlHandler } from './handle-graphql-request.js';
import { startGraphqlHttpServer } from './graphql-http-server.js';
import type { LinearSimulatorEmitter, LinearFileRequestRecord, LinearRequestRecord, LinearViolation } from './linear-simulator-events.js';
import type { LinearStore, SimAttachment } from './linear-store.js';
import type { createViews } from './linear-views.js';
import { loadLinearSchema } from './load-linear-schema.js';
import { createMutationRoot } from './mutation-root.js';
import { createQueryRoot } from './query-root.js';

interface ApiDeps {
  apiKey: string;
  store: LinearStore;
  viewerId: string;
  views: ReturnType<typeof createViews>;
  events: LinearSimulatorEmitter;
  faults: FaultQueue;
  /** Path → attachment: the files the simulator serves to requests carrying the API key. */
  servedFiles: Map<string, SimAttachment>;
}

/** The GraphQL endpoint and the file server on 127.0.0.1, recording every request and every violation. */
export async function serveLinearApi({ apiKey, store, viewerId, views, events, faults, servedFiles }: ApiDeps) {
  const violations: LinearViolation[] = [];
  const requests: LinearRequestRecord[] = [];
  const fileRequests: LinearFileRequestRecord[] = [];
  const windowStart = Date.now();

  const handle = createGraphqlHandler({
    schema: loadLinearSchema(),
    apiKey,
    queryRoot: createQueryRoot(store, viewerId, views),
    mutationRoot: createMutationRoot(store, viewerId, views, events),
    faults,
    recordViolation(violation) {
      violations.push(violation);
      events.emit('violation', violation);
    },
    rateLimitHeaders: () => ({
      'x-ratelimit-requests-limit': '5000',
      'x-ratelimit-requests-remaining': String(Math.max(0, 5000 - requests.length - 1)),
      'x-ratelimit-requests-reset': String(windowStart + 3_600_000),
    }),
  });

  const server = await startGraphqlHttpServer(async (authorization, raw) => {
    const started = performance.now();
    const answer = await handle(authorization, raw);
    return {
      ...answer,
      done() {
        const record: LinearRequestRecord = {
          at: Date.now(),
          ...(answer.operationName ? { operationName: answer.operationName } : {}),
          rootFields: answer.rootFields,
          variables: answer.variables,
          status: answer.status,
          outcome: answer.outcome,
          durationMs: performance.now() - started,
        };
        requests.push(record);
        events.emit('request', record);
      },
    };
  }, (path, authorization) => {
    const authorized = authorization === apiKey;
    const file = servedFiles.get(path);
    const status = !authorized ? 401 : file?.content ? 200 : 404;
    fileRequests.push({ at: Date.now(), path, status, authorized });
    if (status !== 200 || !file?.content) return { status };
    return { status, content: file.content, contentType: file.contentType ?? 'application/octet-stream', streamed: file.streamed ?? false };
  });
  return { url: server.url, close: () => server.close(), violations, requests, fileRequests };
}
