import type { LinearSimulator } from '../linear-simulator.js';
import { newId, now, requireIssue, type LinearStore, type SimAttachment } from '../linear-store.js';

interface AttachmentDeps {
  store: LinearStore;
  viewerId: string;
  /** The simulator's own origin, where it serves attachments that carry content. */
  origin: string;
  /** Path → attachment, for the file server. */
  servedFiles: Map<string, SimAttachment>;
}

/** Attachments on issues: links elsewhere, or files the simulator serves itself. */
export function createAttachmentSetup({ store, viewerId, origin, servedFiles }: AttachmentDeps): Pick<LinearSimulator, 'addAttachment'> {
  return {
    addAttachment(idOrIdentifier, input) {
      const issue = requireIssue(store, idOrIdentifier);
      const id = newId();
      const content = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : input.content;
      const path = `/files/${id}/${encodeURIComponent(input.filename ?? input.title)}`;
      const url = content ? `${origin}${path}` : input.url;
      if (!url) throw new Error('Linear simulator: an attachment needs a url or content');
      const created = now();
      const attachment: SimAttachment = {
        id,
        issueId: issue.id,
        title: input.title,
        url,
        metadata: input.metadata ?? {},
        creatorId: input.creatorId ?? viewerId,
        createdAt: created,
        updatedAt: created,
        ...(input.subtitle !== undefined ? { subtitle: input.subtitle } : {}),
        ...(content ? { content, contentType: input.contentType ?? 'application/octet-stream', streamed: input.streamed ?? false } : {}),
      };
      store.attachments.set(id, attachment);
      if (content) servedFiles.set(path, attachment);
      return attachment;
    },
  };
}
