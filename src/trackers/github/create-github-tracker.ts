import type { Octokit } from '@octokit/rest';
import type { MoveOutcome, Ticket, TicketRef, VerdictComment } from '../../domain/index.js';
import { TrackerPermanentError } from '../errors.js';
import { createLinkPolicy } from '../render/index.js';
import { replyToMarkdown, verdictToMarkdown } from '../render/markdown/index.js';
import type { Tracker } from '../tracker.js';
import { findOwnGithubComment } from './find-own-github-comment.js';
import { GITHUB_OPEN, githubIssueStatus } from './github-issue-status.js';
import { isDoneOption, parseProjectItemTicketId, parseProjectStatusId, projectStatusId } from './github-project-ids.js';
import { readProjectItem, setProjectItemOption } from './github-project-item.js';
import { githubRequest } from './github-request.js';
import { readGithubSelfId } from './github-self-id.js';
import { githubTicketKey, parseGithubTicketKey, type GithubIssueRef } from './github-ticket-key.js';

export interface GithubTrackerDeps {
  /** `createGithubClient({ auth, baseUrl })`. */
  client: Octokit;
  /** How the client authenticates: decides how donegate's own account is found. */
  authKind: 'token' | 'app';
  /** Vendor security pages (`host` or `host/path`) findings may link to, besides ADVISORY_LINK_HOSTS. */
  advisoryLinkHosts?: readonly string[];
  /** `GITHUB_PROJECT_DONE_OPTIONS`: the options of a project board's Status field that mean done. */
  projectDoneOptions?: readonly string[];
}

function issueOf(ticketOrKey: Ticket | string): GithubIssueRef {
  const key = typeof ticketOrKey === 'string' ? ticketOrKey : ticketOrKey.key;
  const issue = parseGithubTicketKey(key);
  if (!issue) throw new TrackerPermanentError('github', 'invalid-request', 'A GitHub ticket is named owner/repo#123.');
  return issue;
}

const sameLabel = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A GitHub login: letters, digits and inner hyphens, at most 39; App bots end in `[bot]`. */
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

/**
 * The GitHub Issues side of the Tracker interface, over @octokit/rest. A ticket is an issue, keyed (and
 * identified) `owner/repo#123`; closing it as completed is the move into Done, and blocking reopens it.
 * Each operation is one REST call or a short paginated walk; errors arrive as TrackerRateLimitedError,
 * TrackerPermanentError or TrackerUnavailableError.
 *
 * @example
 * const tracker = createGithubTracker({ client: createGithubClient({ auth, baseUrl }), authKind: 'token' });
 * const ticket = await tracker.getTicket({ key: 'acme/ml#7' });
 */
export function createGithubTracker(deps: GithubTrackerDeps): Tracker {
  const { client } = deps;
  const links = createLinkPolicy({ advisoryHosts: [...(deps.advisoryLinkHosts ?? [])] });
  const doneOptions = deps.projectDoneOptions ?? [];
  let selfLookup: Promise<string> | undefined;

  const selfId = (): Promise<string> => {
    if (!selfLookup) {
      const lookup = githubRequest('reading the account donegate acts as', () => readGithubSelfId(client, deps.authKind));
      // A failed lookup is not cached: the next call asks again.
      lookup.catch(() => {
        if (selfLookup === lookup) selfLookup = undefined;
      });
      selfLookup = lookup;
    }
    return selfLookup;
  };

  const readIssue = async (asked: string): Promise<Ticket> => {
    const issue = issueOf(asked);
    const key = githubTicketKey(`${issue.owner}/${issue.repo}`, issue.issueNumber);
    const { data } = await githubRequest(`reading ${key}`, () =>
      client.rest.issues.get({ owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber }),
    );
    return {
      tracker: 'github',
      id: key,
      key,
      title: data.title,
      status: githubIssueStatus(data.state, data.state_reason),
      project: `${issue.owner}/${issue.repo}`.toUpperCase(),
      labels: data.labels.flatMap((label) => (typeof label === 'string' ? [label] : label.name ? [label.name] : [])),
      url: data.html_url,
      ...(data.assignee ? { assignee: data.assignee.login } : {}),
      // GitHub has no attachment API: files dropped into an issue are links in its body, read from there.
      attachments: [],
    };
  };

  const reopen = async (ticket: Ticket, statusId: string): Promise<MoveOutcome> => {
    if (statusId !== GITHUB_OPEN) {
      return {
        moved: false,
        reason: 'no-transition',
        explanation: `donegate can reopen a GitHub issue or set a project item's field back, but "${statusId}" is neither`,
        fix: `Reopen ${ticket.key} by hand (or set its board column back) until the evidence is in place.`,
      };
    }
    const issue = issueOf(ticket);
    await githubRequest(`reopening ${ticket.key}`, () =>
      client.rest.issues.update({ owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber, state: 'open', state_reason: 'reopened' }),
    );
    return { moved: true, toStatusId: GITHUB_OPEN, toStatusName: 'Open' };
  };

  return {
    name: 'github',
    selfId,

    async displayName(accountId: string): Promise<string | undefined> {
      // Accounts are named by login here (`GET /users/{login}`); a bare number is an account id, which that route does not take.
      if (!GITHUB_LOGIN.test(accountId) || /^\d+$/.test(accountId)) return undefined;
      const { data } = await githubRequest(`reading the account ${accountId}`, () => client.rest.users.getByUsername({ username: accountId }));
      return typeof data.name === 'string' && data.name !== '' ? data.name : undefined;
    },

    async resolveKey(ref: TicketRef): Promise<string | undefined> {
      const item = parseProjectItemTicketId(ref.id ?? ref.key ?? '');
      // A key that already names an issue was resolved before (the job keeps it across retries).
      if (!item || (ref.key !== undefined && parseGithubTicketKey(ref.key) !== undefined)) return undefined;
      const state = await readProjectItem(client, item);
      return githubTicketKey(state.repoFullName, state.issueNumber);
    },

    async getTicket(ref: TicketRef): Promise<Ticket> {
      const item = parseProjectItemTicketId(ref.id ?? ref.key ?? '');
      if (!item) return readIssue(ref.key ?? ref.id ?? '');
      // A board move: the ticket is the issue the item holds, in the status its field shows now.
      const state = await readProjectItem(client, item);
      const issueTicket = await readIssue(githubTicketKey(state.repoFullName, state.issueNumber));
      const status = state.option
        ? { id: projectStatusId(item.fieldNodeId, state.option.id), name: state.option.name, category: 'project', isDone: isDoneOption(state.option.name, doneOptions) }
        : { id: projectStatusId(item.fieldNodeId, 'none'), name: 'No status', category: 'project', isDone: false };
      return { ...issueTicket, id: ref.id ?? ref.key ?? '', status };
    },

    async moveTo(ticket: Ticket, statusId: string): Promise<MoveOutcome> {
      const item = parseProjectItemTicketId(ticket.id);
      const status = parseProjectStatusId(statusId);
      if (item && status && status.fieldNodeId === item.fieldNodeId) {
        await setProjectItemOption(client, item, status.optionId);
        return { moved: true, toStatusId: statusId };
      }
      return reopen(ticket, statusId);
    },

    async upsertComment(ticket: Ticket, comment: VerdictComment) {
      const issue = issueOf(ticket);
      const action = `commenting on ${ticket.key}`;
      const body = verdictToMarkdown(comment, links);
      const self = await selfId();
      const existing = await githubRequest(action, () => findOwnGithubComment(client, issue, self));
      if (existing !== undefined) {
        const { data } = await githubRequest(action, () =>
          client.rest.issues.updateComment({ owner: issue.owner, repo: issue.repo, comment_id: existing, body }),
        );
        return { commentId: String(data.id), created: false };
      }
      const { data } = await githubRequest(action, () =>
        client.rest.issues.createComment({ owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber, body }),
      );
      return { commentId: String(data.id), created: true };
    },

    async reply(ticket: Ticket, text: string) {
      const issue = issueOf(ticket);
      const body = replyToMarkdown(text, links);
      const { data } = await githubRequest(`replying on ${ticket.key}`, () =>
        client.rest.issues.createComment({ owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber, body }),
      );
      return { commentId: String(data.id) };
    },

    async addLabel(ticket: Ticket, label: string): Promise<void> {
      if (ticket.labels.some((present) => sameLabel(present, label))) return;
      const issue = issueOf(ticket);
      // GitHub creates a label the repository does not have yet when it is added to an issue.
      await githubRequest(`labelling ${ticket.key} "${label}"`, () =>
        client.rest.issues.addLabels({ owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber, labels: [label] }),
      );
    },

    async removeLabel(ticket: Ticket, label: string): Promise<void> {
      const present = ticket.labels.filter((candidate) => sameLabel(candidate, label));
      const issue = issueOf(ticket);
      for (const name of present) {
        try {
          await githubRequest(`removing label "${label}" from ${ticket.key}`, () =>
            client.rest.issues.removeLabel({ owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber, name }),
          );
        } catch (error) {
          // Already gone (removed by someone since the ticket was read): the wanted state holds.
          if (!(error instanceof TrackerPermanentError && error.fault === 'not-found')) throw error;
        }
      }
    },

    async readDescription(ticket: Ticket): Promise<string> {
      const issue = issueOf(ticket);
      const { data } = await githubRequest(`reading the description of ${ticket.key}`, () =>
        client.rest.issues.get({ owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber }),
      );
      return data.body ?? '';
    },
  };
}
