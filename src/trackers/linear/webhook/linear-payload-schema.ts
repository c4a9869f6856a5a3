import { z } from 'zod';

/**
 * Only the parts of a Linear delivery donegate reads, as loose objects: the real `EntityWebhookPayload`
 * (linear-schema.graphql) carries many more fields. Hints we can do without (`actor`, `data.state`) fall
 * back to "unknown" instead of failing the delivery.
 */
export const LinearEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  action: z.string().min(1),
  /** Epoch milliseconds when Linear sent it; checked against the clock to refuse replays. */
  webhookTimestamp: z.number(),
  webhookId: z.string().min(1).optional().catch(undefined),
  createdAt: z.string().optional().catch(undefined),
  actor: z.looseObject({ id: z.string().min(1) }).nullish().catch(undefined),
  /** Previous values of the properties an update changed (older payloads also list unchanged ones). */
  updatedFrom: z.looseObject({ stateId: z.string().nullish() }).nullish(),
  data: z.unknown(),
});

/**
 * An `Issue` delivery's `data`, every field optional: what is needed depends on what happened, so a title
 * edit is never refused for lacking fields a state move would need. Older deliveries carry no `identifier`;
 * `team.key` + `number` make it (`IssueWebhookPayload` in linear-schema.graphql).
 */
export const LinearIssueDataSchema = z.looseObject({
  id: z.string().min(1).optional().catch(undefined),
  identifier: z.string().min(1).optional().catch(undefined),
  number: z.number().int().positive().optional().catch(undefined),
  team: z.looseObject({ key: z.string().min(1) }).nullish().catch(undefined),
  stateId: z.string().min(1).optional().catch(undefined),
  updatedAt: z.string().optional().catch(undefined),
  state: z
    .looseObject({ id: z.string(), name: z.string().optional(), type: z.string().optional() })
    .optional()
    .catch(undefined),
});

export type LinearEnvelope = z.output<typeof LinearEnvelopeSchema>;
export type LinearIssueData = z.output<typeof LinearIssueDataSchema>;
