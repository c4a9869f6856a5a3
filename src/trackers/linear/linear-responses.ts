import { z } from 'zod';

/** zod shapes of the answers to linear-documents.ts: the API is a boundary, its data is parsed. */
const node = z.object({ id: z.string() });
const labelNodes = z.object({ nodes: z.array(z.object({ id: z.string(), name: z.string() })) });

export const viewerResponse = z.object({ viewer: node });

export const userResponse = z.object({ user: z.object({ id: z.string(), name: z.string() }) });

const attachmentNode = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  url: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  creator: node.nullable(),
});

export const issueResponse = z.object({
  issue: z.object({
    id: z.string(),
    identifier: z.string(),
    title: z.string(),
    url: z.string(),
    state: z.object({ id: z.string(), name: z.string(), type: z.string() }),
    team: z.object({ id: z.string(), key: z.string() }),
    assignee: z.object({ displayName: z.string() }).nullish(),
    labels: labelNodes,
    attachments: z.object({ nodes: z.array(attachmentNode), pageInfo: z.object({ hasNextPage: z.boolean() }) }),
  }),
});

export const issueDescriptionResponse = z.object({ issue: z.object({ id: z.string(), description: z.string().nullish() }) });

export const moveIssueResponse = z.object({
  issueUpdate: z.object({
    success: z.boolean(),
    issue: z.object({ id: z.string(), state: z.object({ id: z.string(), name: z.string() }) }).nullable(),
  }),
});

export const issueCommentsResponse = z.object({
  issue: z.object({
    comments: z.object({
      nodes: z.array(z.object({ id: z.string(), body: z.string(), user: node.nullable() })),
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    }),
  }),
});

export type IssueComments = z.infer<typeof issueCommentsResponse>;

export const commentCreateResponse = z.object({ commentCreate: z.object({ success: z.boolean(), comment: node }) });
export const commentUpdateResponse = z.object({ commentUpdate: z.object({ success: z.boolean(), comment: node }) });

export const labelContextResponse = z.object({
  issue: z.object({ id: z.string(), team: node, labels: labelNodes }),
  issueLabels: z.object({ nodes: z.array(z.object({ id: z.string(), name: z.string(), team: node.nullable() })) }),
});
export type LabelContext = z.infer<typeof labelContextResponse>;

export const labelCreateResponse = z.object({ issueLabelCreate: z.object({ success: z.boolean(), issueLabel: node }) });
export const addLabelResponse = z.object({ issueAddLabel: z.object({ success: z.boolean() }) });
export const removeLabelResponse = z.object({ issueRemoveLabel: z.object({ success: z.boolean() }) });

export const issueAttachmentsResponse = z.object({
  issue: z.object({
    attachments: z.object({
      nodes: z.array(attachmentNode),
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    }),
  }),
});
export type IssueAttachments = z.infer<typeof issueAttachmentsResponse>;
export type LinearAttachmentNode = IssueAttachments['issue']['attachments']['nodes'][number];
