import type { TrackerBasics } from '../tracker-plugin.js';
import { githubMatchSchema, githubTicketMatches, type GithubMatch } from './github-policy-match.js';
import { GITHUB_TICKET_KEY_PATTERN } from './github-ticket-key.js';

/** GitHub's names, keys and policy `match` block, without octokit (see `TrackerBasics`). */
export const githubBasics = {
  name: 'github' as const,
  label: 'GitHub',
  keyPattern: GITHUB_TICKET_KEY_PATTERN,
  keyExample: 'acme/ml#42',
  projectOfKey: (key: string) => key.slice(0, key.lastIndexOf('#')),
  policyMatch: { schema: githubMatchSchema, example: '{ repos: [acme/ml, acme-ai/*] }', matches: githubTicketMatches },
  waiverCommand: { approvedVia: 'github-comment', approverIds: 'GitHub user ids (numbers)' },
  attachmentSources: [],
  redactHeaders: ['x-hub-signature-256', 'x-hub-signature'],
} satisfies TrackerBasics<GithubMatch>;
