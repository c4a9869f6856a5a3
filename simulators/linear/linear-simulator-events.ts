import { EventEmitter } from 'node:events';
import type { SimComment, SimIssue } from './linear-store.js';

/** One GraphQL request as the simulator saw it (no headers: they carry the API key). */
export interface LinearRequestRecord {
  at: number;
  operationName?: string;
  /** Root fields of the operation (`issue`, `issueUpdate`, …). */
  rootFields: string[];
  variables: Record<string, unknown>;
  status: number;
  /** `ok`, or why the request was refused (`unauthenticated`, `invalid-document`, a fault kind). */
  outcome: string;
  durationMs: number;
}

/** A request for a file the simulator serves (`/files/…`), as uploads.linear.app would see it. */
export interface LinearFileRequestRecord {
  at: number;
  path: string;
  status: number;
  /** Whether it carried the simulator's API key in `Authorization`, as uploads.linear.app requires. */
  authorized: boolean;
}

/** A document the real Linear would refuse: the simulator answers as Linear does and keeps it here. */
export interface LinearViolation {
  at: number;
  query: string;
  operationName?: string;
  errors: string[];
}

export interface LinearSimulatorEvents {
  request: [LinearRequestRecord];
  violation: [LinearViolation];
  comment: [{ action: 'create' | 'update'; comment: SimComment; issue: SimIssue }];
  'issue-updated': [{ issue: SimIssue; previous: SimIssue; source: 'api' | 'board' }];
}

/** Typed so a benchmark's `once('comment', …)` gets the comment without casts. */
export class LinearSimulatorEmitter extends EventEmitter<LinearSimulatorEvents> {}
