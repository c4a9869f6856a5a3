import { z } from 'zod';

/**
 * Only the parts of a Jira delivery donegate reads. Everything is a loose object: real deliveries carry
 * dozens of other fields (custom fields, avatars, …) and must never be refused for them. Hints we can do
 * without (`user`, `issue.fields.status`) fall back to "unknown" instead of failing the delivery.
 * Shape: https://developer.atlassian.com/cloud/jira/platform/webhooks/#example-callback-for-an-issue-related-event
 */
export const JiraEnvelopeSchema = z.looseObject({
  webhookEvent: z.string().min(1),
  /** Epoch milliseconds of the event: signed with the body, so it dates a replayed capture. */
  timestamp: z.number().optional().catch(undefined),
  issue: z.looseObject({ key: z.string() }).optional().catch(undefined),
});

/**
 * Just the changelog, read before anything else an `issue_updated` carries: an update that moves no status
 * is ignored whatever else its delivery lacks (STYLE: never refuse a real delivery for fields we do not need).
 */
export const JiraChangelogOnlySchema = z.looseObject({
  changelog: z
    .looseObject({ items: z.array(z.unknown()).catch([]) })
    .nullish()
    .catch(undefined),
});

export const JiraChangelogItemSchema = z.looseObject({
  field: z.string(),
  fieldId: z.string().nullish(),
  fieldtype: z.string().nullish(),
  from: z.string().nullish(),
  to: z.string().nullish(),
  // `fromString` / `toString` are read with `ownString`: a `toString` key cannot live in a zod shape.
});

export const JiraStatusSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  statusCategory: z.looseObject({ key: z.string() }).optional(),
});

export const JiraIssueUpdatedSchema = z.looseObject({
  webhookEvent: z.literal('jira:issue_updated'),
  /** Epoch milliseconds of the event. */
  timestamp: z.number().optional().catch(undefined),
  user: z.looseObject({ accountId: z.string() }).optional().catch(undefined),
  issue: z.looseObject({
    id: z.string().min(1),
    key: z.string().min(1),
    fields: z
      .looseObject({ status: JiraStatusSchema.optional().catch(undefined) })
      .optional()
      .catch(undefined),
  }),
  changelog: z.looseObject({ items: z.array(JiraChangelogItemSchema) }).nullish(),
});

export type JiraEnvelope = z.output<typeof JiraEnvelopeSchema>;
export type JiraIssueUpdated = z.output<typeof JiraIssueUpdatedSchema>;
export type JiraChangelogItem = z.output<typeof JiraChangelogItemSchema>;
export type JiraStatus = z.output<typeof JiraStatusSchema>;
