import type { TrackerBasics } from '../tracker-plugin.js';
import { DASHED_TICKET_KEY, projectBeforeDash } from '../key-list.js';
import { linearMatchSchema, linearTicketMatches, type LinearMatch } from './linear-policy-match.js';

/** Linear's names, keys and policy `match` block, without @linear/sdk (see `TrackerBasics`). */
export const linearBasics = {
  name: 'linear' as const,
  label: 'Linear',
  keyPattern: DASHED_TICKET_KEY,
  keyExample: 'AI-7',
  projectOfKey: projectBeforeDash,
  policyMatch: { schema: linearMatchSchema, example: '{ teams: [AI] }', matches: linearTicketMatches },
  waiverCommand: { approvedVia: 'linear-comment', approverIds: 'Linear user ids' },
  attachmentSources: ['linear-attachment'],
  redactHeaders: ['linear-signature'],
} satisfies TrackerBasics<LinearMatch>;
