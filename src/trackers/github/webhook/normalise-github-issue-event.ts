import type { NormalisedDelivery } from '../../../domain/index.js';
import { parsePayload } from '../../webhook/parse-payload.js';
import { toIsoTime } from '../../webhook/to-iso-time.js';
import { GITHUB_CLOSED_COMPLETED, GITHUB_OPEN, githubIssueStatus } from '../github-issue-status.js';
import { githubTicketKey } from '../github-ticket-key.js';
import { githubMove } from './github-move.js';
import { githubIssuesEventSchema } from './github-payload-schemas.js';

/**
 * An `issues` delivery → a gated move when the issue was closed as completed. Closing as "not planned"
 * (or as a duplicate) ends the work without delivering it, so it is ignored; so is every other action.
 * The move back is a reopen, so the transition runs from `open`.
 */
export function normaliseGithubIssueEvent(body: unknown, deliveryId: string, now: number): NormalisedDelivery {
  const event = parsePayload(githubIssuesEventSchema, body, 'The GitHub issues delivery');
  const ticketKey = githubTicketKey(event.repository.full_name, event.issue.number);
  if (event.action !== 'closed') return { kind: 'ignored', reason: 'no-status-change', deliveryId, ticketKey };
  const status = githubIssueStatus('closed', event.issue.state_reason);
  if (!status.isDone) return { kind: 'ignored', reason: 'not-into-done', deliveryId, ticketKey };
  return githubMove({
    deliveryId,
    ticketKey,
    from: { id: GITHUB_OPEN, name: 'Open' },
    to: { id: GITHUB_CLOSED_COMPLETED, name: status.name },
    actorId: event.sender?.id,
    occurredAt: toIsoTime(event.issue.closed_at) ?? toIsoTime(event.issue.updated_at) ?? new Date(now).toISOString(),
  });
}
