import type { AdfNode, SimIssue } from '../types.js';
import { plainDoc } from './plain-doc.js';
import type { createJiraIssueTypes } from './jira-issue-types.js';
import type { createJiraProjects } from './jira-projects.js';
import type { createJiraWorkflow } from './jira-workflow.js';

export interface NewIssue {
  /** Defaults to the project's next key (`ML-1`, `ML-2`, …). */
  key?: string;
  project: string;
  /** Issue type name or id; default `Task`. */
  issueType?: string;
  /** Status id or name; default the first status created. */
  status?: string;
  summary?: string;
  /** ADF document, or plain text turned into one paragraph. */
  description?: AdfNode | string;
  labels?: string[];
  reporterAccountId?: string;
  assigneeAccountId?: string;
}

interface IssueDeps {
  newId: () => string;
  selfAccountId: string;
  projects: ReturnType<typeof createJiraProjects>;
  issueTypes: ReturnType<typeof createJiraIssueTypes>;
  workflow: ReturnType<typeof createJiraWorkflow>;
}

/** Issues, found by id or key; each project numbers its own. */
export function createJiraIssues({ newId, selfAccountId, projects, issueTypes, workflow }: IssueDeps) {
  const issuesById = new Map<string, SimIssue>();
  const issuesByKey = new Map<string, SimIssue>();
  const issueCounters = new Map<string, number>();
  const part = {
    createIssue(input: NewIssue): SimIssue {
      const project = projects.project(input.project);
      const firstStatus = workflow.statuses()[0];
      if (!input.status && !firstStatus) throw new Error('Jira simulator: add a status before creating issues');
      const status = workflow.status(input.status ?? firstStatus!.id);
      const counter = (issueCounters.get(project.key) ?? 0) + 1;
      issueCounters.set(project.key, counter);
      const now = new Date();
      const issue: SimIssue = {
        id: newId(),
        key: input.key ?? `${project.key}-${counter}`,
        projectKey: project.key,
        issueTypeId: issueTypes.issueType(input.issueType ?? 'Task').id,
        statusId: status.id,
        summary: input.summary ?? `Issue ${counter}`,
        description: typeof input.description === 'string' ? plainDoc(input.description) : (input.description ?? null),
        labels: [...(input.labels ?? [])],
        resolutionId: status.category === 'done' ? '10000' : null,
        resolutionDate: status.category === 'done' ? now : null,
        reporterAccountId: input.reporterAccountId ?? selfAccountId,
        assigneeAccountId: input.assigneeAccountId ?? null,
        created: now,
        updated: now,
        statusCategoryChangeDate: now,
        properties: new Map(),
      };
      issuesById.set(issue.id, issue);
      issuesByKey.set(issue.key, issue);
      return issue;
    },

    findIssue(idOrKey: string): SimIssue | undefined {
      return issuesById.get(idOrKey) ?? issuesByKey.get(idOrKey);
    },

    issue(idOrKey: string): SimIssue {
      const found = part.findIssue(idOrKey);
      if (!found) throw new Error(`Jira simulator: no issue '${idOrKey}'`);
      return found;
    },
  };
  return part;
}

/** How the parts that hang off an issue (comments, attachments, links) look it up. */
export type IssueLookup = Pick<ReturnType<typeof createJiraIssues>, 'issue'>;
