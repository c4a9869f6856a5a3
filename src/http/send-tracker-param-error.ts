import type { Response } from 'express';
import { sendError } from './send-error.js';
import type { TrackerParam } from './tracker-param.js';

/** A ticket route naming no registered tracker is a missing resource (404); a malformed key is a bad request (400). */
export function sendTrackerParamError(res: Response, param: Extract<TrackerParam, { ok: false }>): void {
  if (param.problem === 'unknown-tracker') sendError(res, 404, 'UNKNOWN_TRACKER', param.message);
  else sendError(res, 400, 'INVALID_TICKET_KEY', param.message);
}
