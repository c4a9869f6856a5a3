import type { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkBasicAuth } from './check-basic-auth.js';
import type { createFaultInjector } from './fault-injector.js';
import { HANDLERS } from './handlers/index.js';
import type { HandlerContext, RawBody } from './handlers/handler.js';
import { getJiraContract } from './jira-contract.js';
import { JiraHttpError, type JiraErrorBody } from './jira-http-error.js';
import type { JiraState } from './jira-state.js';
import { readBody } from './read-body.js';
import type { RepresentContext } from './represent.js';
import type { JiraSimulatorEvents } from './simulator-events.js';
import type { RequestLogEntry, Violation } from './types.js';
import { writeInChunks } from '../write-in-chunks.js';

export interface ServeDeps {
  state: JiraState;
  email: string;
  apiToken: string;
  v3: RepresentContext;
  v2: RepresentContext;
  faults: ReturnType<typeof createFaultInjector>;
  events: EventEmitter<JiraSimulatorEvents>;
  violations: Violation[];
  requests: RequestLogEntry[];
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: RawBody;
}

/**
 * One request, cheapest checks first: credentials, then the contract (unknown operation → 404,
 * invalid parameters or body → 400), then any injected fault, then the handler.
 */
export function createRequestServer(deps: ServeDeps) {
  const contract = getJiraContract();

  async function decide(req: IncomingMessage, url: URL, log: RequestLogEntry): Promise<Reply> {
    const method = req.method ?? 'GET';
    const record = (v: Omit<Violation, 'method' | 'path'>) => deps.violations.push({ method, path: url.pathname, ...v });
    const rawBody = await readBody(req);

    if (!checkBasicAuth(req.headers.authorization, deps.email, deps.apiToken)) {
      return {
        status: 401,
        headers: { 'WWW-Authenticate': 'Basic realm="protected-area"' },
        body: errorBody('Client must be authenticated to access this resource.'),
      };
    }
    const matched = contract.match(method, url.pathname);
    if (!matched) {
      record({ kind: 'unknown-operation', problems: [`no operation ${method} ${url.pathname} in the Jira REST v3 contract`] });
      return { status: 404, body: errorBody(`No operation matches ${method} ${url.pathname}.`) };
    }
    const operationId = matched.operation.operationId;
    log.operationId = operationId;

    let body: unknown;
    if (rawBody.trim() !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        record({ kind: 'invalid-request', operationId, problems: ['request body is not valid JSON'] });
        return { status: 400, body: errorBody('Unexpected character in the request body: it is not valid JSON.') };
      }
    }
    const problems = contract.validate({ matched, query: url.searchParams, body });
    if (problems.length > 0) {
      record({ kind: 'invalid-request', operationId, problems });
      return { status: 400, body: { errorMessages: problems, errors: {} } satisfies JiraErrorBody };
    }

    const fault = deps.faults.take(method, url.pathname);
    if (fault) {
      log.faulted = true;
      return fault;
    }

    const handler = HANDLERS[operationId];
    if (!handler) {
      record({ kind: 'unimplemented-operation', operationId, problems: [`the simulator does not implement ${operationId}`] });
      return { status: 501, body: errorBody(`The Jira simulator does not implement ${operationId}.`) };
    }
    const ctx: HandlerContext = {
      params: matched.pathParams,
      query: url.searchParams,
      body,
      callerAccountId: deps.state.self.accountId,
      state: deps.state,
      v3: deps.v3,
      v2: deps.v2,
      events: deps.events,
      recordViolation: record,
    };
    try {
      return handler(ctx);
    } catch (error) {
      if (error instanceof JiraHttpError) return { status: error.status, body: error.body };
      throw error;
    }
  }

  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const log: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      status: 0,
      durationMs: 0,
      at: new Date(),
      faulted: false,
    };
    let reply: Reply;
    try {
      reply = await decide(req, url, log);
    } catch (error) {
      reply = { status: 500, body: errorBody(error instanceof Error ? error.message : 'Internal server error') };
    }
    const requestId = String(Math.floor(Math.random() * 1e9));
    if (reply.raw) {
      writeRaw(res, reply.status, { 'X-AREQUESTID': requestId, ...reply.headers }, reply.raw);
    } else {
      const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...(payload ? { 'Content-Type': 'application/json;charset=UTF-8' } : {}),
        'X-AREQUESTID': requestId,
        ...reply.headers,
      });
      res.end(payload);
    }
    log.status = reply.status;
    log.durationMs = performance.now() - started;
    deps.requests.push(log);
    deps.events.emit('request', log);
  };
}

/**
 * Content as is: with `Content-Length`, or streamed in chunks without it, each written when the client
 * has taken the previous one, so a client that stops reading stops the server too.
 */
function writeRaw(res: ServerResponse, status: number, headers: Record<string, string>, raw: RawBody): void {
  res.writeHead(status, {
    'Content-Type': raw.contentType,
    ...(raw.streamed ? {} : { 'Content-Length': String(raw.content.length) }),
    ...headers,
  });
  if (!raw.streamed) {
    res.end(raw.content);
    return;
  }
  writeInChunks(res, raw.content);
}

function errorBody(message: string): JiraErrorBody {
  return { errorMessages: [message], errors: {} };
}
