import { z } from 'zod';
import type { Ticket } from '../../domain/index.js';
import { includesKey, keyList } from '../key-list.js';

/** `match.jira: { projects: [ML] }`: Jira project keys. */
export const jiraMatchSchema = z.object({ projects: keyList }).strict();
export type JiraMatch = z.infer<typeof jiraMatchSchema>;

export function jiraTicketMatches(match: JiraMatch, ticket: Ticket): boolean {
  return includesKey(match.projects, ticket.project);
}
