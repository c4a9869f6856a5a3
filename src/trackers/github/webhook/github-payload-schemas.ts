import { z } from 'zod';

/** GitHub's numeric ids (users, comments) as the strings donegate keeps. */
const numericId = z.number().int().nonnegative().transform(String);

const repository = z.object({ full_name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/) });
const sender = z.object({ id: numericId }).optional();

/** An `issues` delivery: only the fields a decision reads; the rest of GitHub's payload is left unread. */
export const githubIssuesEventSchema = z.object({
  action: z.string(),
  issue: z.object({
    number: z.number().int().positive(),
    state: z.string().optional(),
    state_reason: z.string().nullable().optional(),
    closed_at: z.string().nullable().optional(),
    updated_at: z.string().optional(),
  }),
  repository,
  sender,
});

/** An `issue_comment` `created` delivery. */
export const githubIssueCommentEventSchema = z.object({
  action: z.string(),
  issue: z.object({ number: z.number().int().positive() }),
  comment: z.object({
    id: numericId,
    body: z.string().nullable(),
    user: z.object({ id: numericId }).nullable(),
    created_at: z.string().optional(),
  }),
  repository,
  sender,
});

const option = z.object({ id: z.string().min(1), name: z.string() }).nullable().optional();

/**
 * A `projects_v2_item` delivery. `changes.field_value.from`/`to` name the single-select options the edit
 * moved between; the issue itself is only referenced by node id (`content_node_id`).
 */
export const githubProjectItemEventSchema = z.object({
  action: z.string(),
  projects_v2_item: z.object({
    node_id: z.string().min(1),
    project_node_id: z.string().min(1),
    content_node_id: z.string().min(1),
    content_type: z.string(),
    updated_at: z.string().optional(),
  }),
  changes: z
    .object({
      field_value: z
        .object({ field_node_id: z.string().min(1).optional(), field_type: z.string().optional(), from: option, to: option })
        .optional(),
    })
    .optional(),
  sender,
});
