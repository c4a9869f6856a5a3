import type { ActionRecord } from '../decisions/decision.js';
import type { AuditLog } from './audit-log.js';
import { actionEvent } from './audit-events.js';

export interface ActionRecorder {
  /** Queue the action's entry and return at once, so the next tracker call does not wait for a commit. */
  record(action: ActionRecord): Promise<void>;
  /** Wait until every queued entry is committed; rejects if one could not be. Call before the decision is appended. */
  settle(): Promise<void>;
}

/**
 * Action entries for one check. The log keeps appends in the order they were made, so the entries stay in
 * the order the actions happened, and the check's decision (appended after `settle`) follows them.
 */
export function createActionRecorder(audit: AuditLog, ref: { tracker: string; ticketKey: string; deliveryId: string }): ActionRecorder {
  const pending: Array<Promise<unknown>> = [];
  return {
    record(action) {
      const appended = audit.append(actionEvent(ref, action));
      // Awaited in settle(); until then a failure must not count as unhandled.
      appended.catch(() => undefined);
      pending.push(appended);
      return Promise.resolve();
    },
    async settle() {
      await Promise.all(pending.splice(0));
    },
  };
}
