import type { NormalisedDelivery } from '../../../domain/index.js';
import { parsePayload } from '../../webhook/parse-payload.js';
import { toIsoTime } from '../../webhook/to-iso-time.js';
import { isDoneOption, projectItemTicketId, projectStatusId } from '../github-project-ids.js';
import { githubMove } from './github-move.js';
import { githubProjectItemEventSchema } from './github-payload-schemas.js';

/**
 * A `projects_v2_item` delivery → a gated move when an issue's single-select field (the board's Status)
 * was set to one of the configured done options (`GITHUB_PROJECT_DONE_OPTIONS`). The delivery names the
 * item, not the issue, so the ticket is the project item until the worker reads which issue it holds.
 * Draft issues and pull requests are not tickets; other edits and actions are ignored.
 */
export function normaliseGithubProjectItem(body: unknown, deliveryId: string, now: number, doneOptions: readonly string[]): NormalisedDelivery {
  const event = parsePayload(githubProjectItemEventSchema, body, 'The GitHub projects_v2_item delivery');
  const item = event.projects_v2_item;
  if (event.action !== 'edited' || item.content_type !== 'Issue') return { kind: 'ignored', reason: 'not-an-issue-update', deliveryId };
  const change = event.changes?.field_value;
  const to = change?.to;
  const from = change?.from;
  if (change?.field_type !== 'single_select' || !change.field_node_id || !to || !from || from.id === to.id) {
    return { kind: 'ignored', reason: 'no-status-change', deliveryId };
  }
  const ticketKey = projectItemTicketId({ projectNodeId: item.project_node_id, itemNodeId: item.node_id, fieldNodeId: change.field_node_id });
  if (!isDoneOption(to.name, doneOptions)) return { kind: 'ignored', reason: 'not-into-done', deliveryId, ticketKey };
  return githubMove({
    deliveryId,
    ticketKey,
    from: { id: projectStatusId(change.field_node_id, from.id), name: from.name },
    to: { id: projectStatusId(change.field_node_id, to.id), name: to.name },
    actorId: event.sender?.id,
    occurredAt: toIsoTime(item.updated_at) ?? new Date(now).toISOString(),
  });
}
