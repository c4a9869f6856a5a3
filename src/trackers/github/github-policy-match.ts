import { z } from 'zod';
import type { Ticket } from '../../domain/index.js';
import { GITHUB_REPO_PATTERN } from './github-ticket-key.js';

/** `owner/name`, or `owner/*` for every repository of an owner. */
const repoOrOwner = z
  .string()
  .trim()
  .refine((value) => GITHUB_REPO_PATTERN.test(value) || /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/\*$/.test(value), 'must be owner/name or owner/*');

/** `match.github: { repos: [acme/ml, acme-ai/*] }`: repositories, or all of an owner's. */
export const githubMatchSchema = z.object({ repos: z.array(repoOrOwner).min(1) }).strict();
export type GithubMatch = z.infer<typeof githubMatchSchema>;

/** GitHub compares owner and repository names without regard to case. */
export function githubTicketMatches(match: GithubMatch, ticket: Ticket): boolean {
  const repo = ticket.project.toLowerCase();
  const owner = repo.slice(0, repo.indexOf('/'));
  return match.repos.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted === repo || wanted === `${owner}/*`;
  });
}
