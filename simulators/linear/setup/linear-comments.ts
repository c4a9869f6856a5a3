import type { LinearSimulator } from '../linear-simulator.js';
import { requireIssue, type LinearStore } from '../linear-store.js';
import { createComment } from '../linear-writes.js';

/** Comments people write on the board, and a copy of an issue's thread for assertions. */
export function createCommentSetup(store: LinearStore, people: Pick<LinearSimulator, 'addUser'>): Pick<LinearSimulator, 'addComment' | 'commentsOn'> {
  return {
    addComment(idOrIdentifier, body, userId) {
      const issue = requireIssue(store, idOrIdentifier);
      const author = userId ?? people.addUser({ name: 'Board User' }).id;
      return createComment(store, issue, body, author);
    },
    commentsOn(idOrIdentifier) {
      const issue = requireIssue(store, idOrIdentifier);
      return [...store.comments.values()].filter((comment) => comment.issueId === issue.id).map((comment) => ({ ...comment }));
    },
  };
}
