import type { Ticket } from '../../domain/index.js';
import { jiraAttachmentsOf } from './jira-attachments-of.js';
import { jiraIssueSchema } from './jira-schemas.js';

/** The fields `getTicket` asks for: only what a Ticket needs, never the description. */
export const TICKET_FIELDS = ['summary', 'status', 'project', 'issuetype', 'labels', 'attachment', 'assignee'];

export function jiraIssueToTicket(raw: unknown, siteUrl: string | undefined): Ticket {
  const issue = jiraIssueSchema.parse(raw);
  const { status } = issue.fields;
  const category = status.statusCategory.key;
  return {
    tracker: 'jira',
    id: issue.id,
    key: issue.key,
    title: issue.fields.summary,
    status: { id: status.id, name: status.name, category, isDone: category === 'done' },
    project: issue.fields.project.key,
    ...(issue.fields.issuetype ? { issueType: issue.fields.issuetype.name } : {}),
    labels: issue.fields.labels,
    ...(issue.fields.assignee ? { assignee: issue.fields.assignee.displayName } : {}),
    ...(siteUrl ? { url: `${siteUrl.replace(/\/+$/, '')}/browse/${issue.key}` } : {}),
    attachments: jiraAttachmentsOf(raw),
  };
}
