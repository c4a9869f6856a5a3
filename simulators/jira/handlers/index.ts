import { getAttachment, getAttachmentContent } from './attachments.js';
import { addComment, getComment, getComments, updateComment } from './comments.js';
import type { Handler } from './handler.js';
import { editIssue, getIssue } from './issue.js';
import { getCurrentUser, getUser } from './myself.js';
import { getIssueProperty, setIssueProperty } from './properties.js';
import { getRemoteIssueLinks } from './remote-links.js';
import { doTransition, getTransitions } from './transitions.js';

/** The operations the simulator implements, by OpenAPI `operationId`. Others answer 501 and are recorded. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  getCurrentUser,
  getUser,
  getIssue,
  editIssue,
  getTransitions,
  doTransition,
  getComments,
  getComment,
  addComment,
  updateComment,
  getIssueProperty,
  setIssueProperty,
  getAttachment,
  getAttachmentContent,
  getRemoteIssueLinks,
};
