import { entityNotFound, LinearResolverError } from './linear-error-bodies.js';
import type { LinearSimulatorEmitter } from './linear-simulator-events.js';
import { findIssue, type LinearStore } from './linear-store.js';
import type { View, Views } from './linear-views.js';
import { createComment, createIssue, createLabel, editComment, updateIssue, type IssueChanges } from './linear-writes.js';

interface CommentCreateInput {
  issueId?: string | null;
  body?: string | null;
}

interface IssueCreateInput {
  teamId: string;
  title?: string | null;
  description?: string | null;
  stateId?: string | null;
  labelIds?: string[] | null;
}

type Nullable<T> = { [K in keyof T]?: T[K] | null };

/** Drops GraphQL nulls (absent input fields) so they read as "no change". */
function defined<T extends object>(input: Nullable<T>): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined)) as T;
}

/** The `Mutation` root: writes through linear-writes, answers with Linear's payload shapes, emits events. */
export function createMutationRoot(store: LinearStore, viewerId: string, { views }: Views, events: LinearSimulatorEmitter): View {
  const issueById = (id: string) => {
    const issue = findIssue(store, id);
    if (!issue) throw entityNotFound('Issue');
    return issue;
  };
  const issuePayload = (id: string, changes: IssueChanges) => {
    const issue = issueById(id);
    const previous = updateIssue(store, issue, changes);
    events.emit('issue-updated', { issue: { ...issue }, previous, source: 'api' });
    return { success: true, lastSyncId: store.syncId, issue: views.issue(issue) };
  };

  return {
    issueCreate: ({ input }: { input: IssueCreateInput }) => {
      const clean = defined<IssueCreateInput>(input);
      const issue = createIssue(store, {
        team: clean.teamId,
        title: clean.title ?? '',
        creatorId: viewerId,
        ...(clean.description ? { description: clean.description } : {}),
        ...(clean.stateId ? { stateId: clean.stateId } : {}),
        ...(clean.labelIds ? { labelIds: clean.labelIds } : {}),
      });
      return { success: true, lastSyncId: store.syncId, issue: views.issue(issue) };
    },
    issueUpdate: ({ id, input }: { id: string; input: Nullable<IssueChanges> }) => issuePayload(id, defined(input)),
    issueAddLabel: ({ id, labelId }: { id: string; labelId: string }) => issuePayload(id, { addedLabelIds: [labelId] }),
    issueRemoveLabel: ({ id, labelId }: { id: string; labelId: string }) => issuePayload(id, { removedLabelIds: [labelId] }),
    issueLabelCreate: ({ input }: { input: { name: string; teamId?: string | null; color?: string | null; id?: string | null } }) => {
      const label = createLabel(store, { ...defined(input), name: input.name, creatorId: viewerId });
      return { success: true, lastSyncId: store.syncId, issueLabel: views.label(label) };
    },
    commentCreate: ({ input }: { input: CommentCreateInput }) => {
      if (!input.issueId) throw entityNotFound('Issue');
      const issue = issueById(input.issueId);
      // Comments made through the API are authored by the key's owner (the viewer).
      const comment = createComment(store, issue, input.body ?? '', viewerId);
      events.emit('comment', { action: 'create', comment: { ...comment }, issue: { ...issue } });
      return { success: true, lastSyncId: store.syncId, comment: views.comment(comment) };
    },
    commentUpdate: ({ id, input }: { id: string; input: { body?: string | null } }) => {
      const comment = store.comments.get(id);
      if (!comment) throw entityNotFound('Comment');
      if (comment.userId !== viewerId) {
        throw new LinearResolverError('You can only edit your own comments', {
          type: 'forbidden',
          code: 'FORBIDDEN',
          statusCode: 403,
          userError: true,
          userPresentableMessage: 'You can only edit your own comments.',
        });
      }
      if (input.body !== undefined && input.body !== null) editComment(store, comment, input.body);
      const issue = issueById(comment.issueId);
      events.emit('comment', { action: 'update', comment: { ...comment }, issue: { ...issue } });
      return { success: true, lastSyncId: store.syncId, comment: views.comment(comment) };
    },
    commentDelete: ({ id }: { id: string }) => {
      if (!store.comments.delete(id)) throw entityNotFound('Comment');
      store.syncId += 1;
      return { success: true, lastSyncId: store.syncId, entityId: id };
    },
  };
}
