import { z } from 'zod';

/** The parts of Jira responses donegate reads, parsed so a surprise fails loudly instead of as `undefined`. */
export const jiraIssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string(),
    status: z.object({
      id: z.string(),
      name: z.string(),
      statusCategory: z.object({ key: z.string() }),
    }),
    project: z.object({ key: z.string() }),
    issuetype: z.object({ name: z.string() }).optional(),
    labels: z.array(z.string()).default([]),
    // Unassigned issues have `assignee: null`.
    assignee: z.object({ displayName: z.string() }).nullish(),
  }),
});

export const jiraTransitionsSchema = z.object({
  transitions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      to: z.object({ id: z.string(), name: z.string(), statusCategory: z.object({ key: z.string() }).optional() }),
      fields: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});

export type JiraTransition = z.infer<typeof jiraTransitionsSchema>['transitions'][number];

export const jiraCommentPageSchema = z.object({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
  comments: z.array(
    z.object({
      id: z.string(),
      author: z.object({ accountId: z.string() }).optional(),
      body: z.unknown(),
    }),
  ),
});

export const jiraMyselfSchema = z.object({ accountId: z.string() });

export const jiraCommentSchema = z.object({ id: z.string() });

/** `fields.attachment` of `GET /issue/{key}?fields=attachment` (the `Attachment` schema of the REST v3 contract). */
export const jiraAttachmentFieldSchema = z.object({
  fields: z.object({
    attachment: z
      .array(
        z.object({
          id: z.union([z.string(), z.number()]).transform(String),
          filename: z.string(),
          size: z.number().int().nonnegative().optional(),
          mimeType: z.string().optional(),
          created: z.string().optional(),
          author: z.object({ accountId: z.string().optional() }).nullish(),
          content: z.string().optional(),
        }),
      )
      .nullish(),
  }),
});

/** `GET /issue/{key}?fields=description`: an ADF document, or null when the description is empty. */
export const jiraDescriptionSchema = z.object({ fields: z.object({ description: z.unknown().optional() }) });

/** `GET /issue/{key}/remotelink`: an array of RemoteIssueLink (`object.url` is the link itself). */
export const jiraRemoteLinksSchema = z.array(z.object({ object: z.object({ url: z.string(), title: z.string().optional() }) }));
