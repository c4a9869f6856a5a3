import type { EventEmitter } from 'node:events';
import type { JiraState } from '../jira-state.js';
import type { RepresentContext } from '../represent.js';
import type { JiraSimulatorEvents } from '../simulator-events.js';
import type { Violation } from '../types.js';

export interface HandlerContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  callerAccountId: string;
  state: JiraState;
  /** REST v3 representations, for responses. */
  v3: RepresentContext;
  /** REST v2 representations, for webhook bodies. */
  v2: RepresentContext;
  events: EventEmitter<JiraSimulatorEvents>;
  recordViolation(violation: Omit<Violation, 'method' | 'path'>): void;
}

/** A body that is not JSON (attachment content), written as is. */
export interface RawBody {
  content: Buffer;
  contentType: string;
  /** Written in chunks without `Content-Length`. */
  streamed: boolean;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: RawBody;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;
