import { z } from 'zod';
import type { Ticket } from '../../domain/index.js';
import { includesKey, keyList } from '../key-list.js';

/** `match.linear: { teams: [AI] }`: Linear team keys. */
export const linearMatchSchema = z.object({ teams: keyList }).strict();
export type LinearMatch = z.infer<typeof linearMatchSchema>;

export function linearTicketMatches(match: LinearMatch, ticket: Ticket): boolean {
  return includesKey(match.teams, ticket.project);
}
