import type { TrackerBasics } from '../tracker-plugin.js';
import { DASHED_TICKET_KEY, projectBeforeDash } from '../key-list.js';
import { jiraMatchSchema, jiraTicketMatches, type JiraMatch } from './jira-policy-match.js';

/** Jira's names, keys and policy `match` block, without jira.js (see `TrackerBasics`). */
export const jiraBasics = {
  name: 'jira' as const,
  label: 'Jira',
  keyPattern: DASHED_TICKET_KEY,
  keyExample: 'ML-142',
  projectOfKey: projectBeforeDash,
  policyMatch: { schema: jiraMatchSchema, example: '{ projects: [ML] }', matches: jiraTicketMatches },
  waiverCommand: { approvedVia: 'jira-comment', approverIds: 'Jira accountIds' },
  attachmentSources: ['jira-attachment', 'jira-remote-link'],
  redactHeaders: ['x-hub-signature'],
} satisfies TrackerBasics<JiraMatch>;
