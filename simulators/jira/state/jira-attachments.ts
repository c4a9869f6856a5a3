import type { SimAttachment } from '../types.js';
import type { IssueLookup } from './jira-issues.js';
import type { createJiraUsers } from './jira-users.js';

export interface NewAttachment {
  filename: string;
  content: Buffer | string;
  /** Default `application/octet-stream`. */
  mimeType?: string;
  /** Default the API user. */
  authorAccountId?: string;
  /** The size the `attachment` field reports; default the content's length. Set it to test a lying size. */
  size?: number;
  /** Serve the content in chunks without `Content-Length`. */
  streamed?: boolean;
}

interface AttachmentDeps {
  newId: () => string;
  issues: IssueLookup;
  users: Pick<ReturnType<typeof createJiraUsers>, 'user' | 'self'>;
}

/** Files attached to issues, with their bytes. */
export function createJiraAttachments({ newId, issues, users }: AttachmentDeps) {
  const attachments = new Map<string, SimAttachment>();
  return {
    /** Attaches a file as `authorAccountId` would through the UI; listed in the issue's `attachment` field. */
    addAttachment(issueIdOrKey: string, input: NewAttachment): SimAttachment {
      const issue = issues.issue(issueIdOrKey);
      const content = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : input.content;
      const authorAccountId = input.authorAccountId ?? users.self.accountId;
      users.user(authorAccountId);
      const attachment: SimAttachment = {
        id: newId(),
        issueId: issue.id,
        filename: input.filename,
        content,
        mimeType: input.mimeType ?? 'application/octet-stream',
        authorAccountId,
        created: new Date(),
        size: input.size ?? content.length,
        streamed: input.streamed ?? false,
      };
      attachments.set(attachment.id, attachment);
      issue.updated = attachment.created;
      return attachment;
    },

    attachments(issueIdOrKey: string): SimAttachment[] {
      const { id } = issues.issue(issueIdOrKey);
      return [...attachments.values()].filter((a) => a.issueId === id);
    },

    findAttachment(id: string): SimAttachment | undefined {
      return attachments.get(id);
    },
  };
}
