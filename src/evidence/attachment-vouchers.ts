import type { TrackerName } from '../domain/index.js';

/**
 * Whether the account that attached a file is one the policy trusts to vouch for a report
 * (`evidence.attachments.from`). Entries are `jira:<accountId>`, `linear:<userId>`, or a bare id, which
 * names the same account on either tracker (a Jira accountId and a Linear UUID never collide). An
 * attachment whose tracker does not say who attached it is never vouched for.
 */
export function isListedAttacher(tracker: TrackerName, author: string | undefined, from: readonly string[]): boolean {
  if (author === undefined || author === '') return false;
  return from.some((entry) => entry === author || entry === `${tracker}:${author}`);
}

/** A report attached by an account the policy does not list: not evidence. Its code goes to the audit log. */
export class AttacherNotListedError extends Error {
  override readonly name = 'AttacherNotListedError';
  readonly code = 'ATTACHER_NOT_LISTED';
  constructor(criterion: string) {
    super(`a ${criterion} report attached to the ticket counts only when attached by an account listed in the policy's evidence.attachments.from`);
  }
}
