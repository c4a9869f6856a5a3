import type { SimUser } from './types.js';
import { createJiraAttachments } from './state/jira-attachments.js';
import { createJiraComments } from './state/jira-comments.js';
import { createJiraIssueTypes } from './state/jira-issue-types.js';
import { createJiraIssues } from './state/jira-issues.js';
import { createJiraProjects } from './state/jira-projects.js';
import { createJiraRemoteLinks } from './state/jira-remote-links.js';
import { createJiraResolutions } from './state/jira-resolutions.js';
import { createJiraUsers } from './state/jira-users.js';
import { createJiraWorkflow } from './state/jira-workflow.js';

export type { NewAttachment } from './state/jira-attachments.js';
export type { NewIssue } from './state/jira-issues.js';
export type { NewTransition } from './state/jira-workflow.js';

/**
 * The simulated site's data, all in memory, one part per entity (`state/`). Tests and the demo set it up
 * through these methods; the HTTP handlers read and change it through the same ones.
 */
export function createJiraState(self: SimUser) {
  // Starts above the seeded ids (issue types, resolutions, the simplified workflow's statuses).
  let nextId = 10100;
  const newId = () => String(nextId++);
  const users = createJiraUsers(self);
  const projects = createJiraProjects(newId);
  const issueTypes = createJiraIssueTypes(newId);
  const workflow = createJiraWorkflow(newId);
  const issues = createJiraIssues({ newId, selfAccountId: self.accountId, projects, issueTypes, workflow });
  return {
    ...users,
    ...projects,
    ...issueTypes,
    ...createJiraResolutions(),
    ...workflow,
    ...issues,
    ...createJiraComments({ newId, issues, users }),
    ...createJiraAttachments({ newId, issues, users }),
    ...createJiraRemoteLinks({ newId, issues }),
    newId,
  };
}

export type JiraState = ReturnType<typeof createJiraState>;
