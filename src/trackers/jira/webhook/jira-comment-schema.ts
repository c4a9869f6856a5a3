import { z } from 'zod';

/**
 * The parts of a Jira `comment_created` delivery donegate reads. `comment.body` is a string (wiki markup) in
 * admin webhooks, but ADF where a site or app sends API v3 shapes, so any value is accepted and flattened.
 * Shape: https://developer.atlassian.com/cloud/jira/platform/webhooks/#example-callback-for-a-comment-related-event
 */
/** Just the body, read first: a plain comment is ignored whatever else its delivery carries. */
export const JiraCommentBodySchema = z.looseObject({
  comment: z.looseObject({ body: z.unknown() }).optional().catch(undefined),
});

export const JiraCommentCreatedSchema = z.looseObject({
  webhookEvent: z.literal('comment_created'),
  timestamp: z.number().optional().catch(undefined),
  comment: z.looseObject({
    id: z.string().min(1),
    body: z.unknown(),
    author: z.looseObject({ accountId: z.string().min(1) }).optional().catch(undefined),
    created: z.string().optional().catch(undefined),
  }),
  issue: z.looseObject({ id: z.string().min(1), key: z.string().min(1) }),
});
