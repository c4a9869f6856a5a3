import { createHmac, randomUUID } from 'node:crypto';
import type { LinearStore, SimIssue, SimUser } from './linear-store.js';

/** The body of Linear's `Issue` `update` webhook (schema types EntityWebhookPayload + IssueWebhookPayload). */
export interface LinearIssueWebhookBody {
  action: 'update';
  type: 'Issue';
  createdAt: string;
  data: {
    id: string;
    createdAt: string;
    updatedAt: string;
    number: number;
    title: string;
    description: string | null;
    priority: number;
    priorityLabel: string;
    prioritySortOrder: number;
    sortOrder: number;
    identifier: string;
    url: string;
    stateId: string;
    state: { id: string; name: string; type: string; color: string };
    teamId: string;
    team: { id: string; key: string; name: string };
    labelIds: string[];
    labels: Array<{ id: string; name: string; color: string; parentId: string | null }>;
    subscriberIds: string[];
    previousIdentifiers: string[];
    creatorId: string | null;
    assigneeId: string | null;
    startedAt: string | null;
    completedAt: string | null;
    canceledAt: string | null;
    reactionData: unknown[];
    botActor: null;
  };
  /** Previous values of what changed, plus `updatedAt`. */
  updatedFrom: Record<string, string | null>;
  url: string;
  actor: { id: string; type: 'user'; name: string; email: string; url: string };
  organizationId: string;
  webhookTimestamp: number;
  webhookId: string;
}

/** What Linear POSTs to a webhook URL: the body, its exact bytes, and the headers that travel with it. */
export interface LinearWebhookDelivery {
  /** `Linear-Delivery`: a UUID per delivery; the receiver turns it into the job id. */
  deliveryId: string;
  /** `Linear-Event`. */
  event: 'Issue';
  body: LinearIssueWebhookBody;
  /** The bytes to POST (and to sign). */
  rawBody: string;
  /** Header names in lower case; `linear-signature` only when the simulator has a webhook secret. */
  headers: Record<string, string>;
}

export function issueUpdateDelivery(input: {
  store: LinearStore;
  issue: SimIssue;
  previous: SimIssue;
  actor: SimUser;
  webhookId: string;
  webhookSecret?: string;
}): LinearWebhookDelivery {
  const { store, issue, previous, actor } = input;
  const state = store.states.get(issue.stateId);
  const team = store.teams.get(issue.teamId);
  if (!state || !team) throw new Error(`issue ${issue.identifier} refers to a missing state or team`);
  const url = `https://linear.app/${store.organization.urlKey}/issue/${issue.identifier}`;
  const labels = issue.labelIds.flatMap((id) => {
    const label = store.labels.get(id);
    return label ? [{ id: label.id, name: label.name, color: label.color, parentId: null }] : [];
  });
  const updatedFrom: Record<string, string | null> = { updatedAt: previous.updatedAt };
  if (previous.stateId !== issue.stateId) updatedFrom['stateId'] = previous.stateId;
  for (const key of ['startedAt', 'completedAt', 'canceledAt'] as const) {
    if (previous[key] !== issue[key]) updatedFrom[key] = previous[key] ?? null;
  }
  const now = Date.now();
  const body: LinearIssueWebhookBody = {
    action: 'update',
    type: 'Issue',
    createdAt: new Date(now).toISOString(),
    data: {
      id: issue.id,
      createdAt: issue.createdAt,
      updatedAt: issue.updatedAt,
      number: issue.number,
      title: issue.title,
      description: issue.description ?? null,
      priority: 0,
      priorityLabel: 'No priority',
      prioritySortOrder: 0,
      sortOrder: -issue.number,
      identifier: issue.identifier,
      url,
      stateId: state.id,
      state: { id: state.id, name: state.name, type: state.type, color: state.color },
      teamId: team.id,
      team: { id: team.id, key: team.key, name: team.name },
      labelIds: [...issue.labelIds],
      labels,
      subscriberIds: issue.creatorId ? [issue.creatorId] : [],
      previousIdentifiers: [],
      creatorId: issue.creatorId ?? null,
      assigneeId: issue.assigneeId ?? null,
      startedAt: issue.startedAt ?? null,
      completedAt: issue.completedAt ?? null,
      canceledAt: issue.canceledAt ?? null,
      reactionData: [],
      botActor: null,
    },
    updatedFrom,
    url,
    actor: {
      id: actor.id,
      type: 'user',
      name: actor.name,
      email: actor.email,
      url: `https://linear.app/${store.organization.urlKey}/profiles/${actor.id}`,
    },
    organizationId: store.organization.id,
    webhookTimestamp: now,
    webhookId: input.webhookId,
  };
  const rawBody = JSON.stringify(body);
  const deliveryId = randomUUID();
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Linear-Webhook',
    'linear-delivery': deliveryId,
    'linear-event': 'Issue',
  };
  // Linear signs the raw body: hex HMAC-SHA256 with the webhook's signing secret.
  if (input.webhookSecret) headers['linear-signature'] = createHmac('sha256', input.webhookSecret).update(rawBody).digest('hex');
  return { deliveryId, event: 'Issue', body, rawBody, headers };
}
