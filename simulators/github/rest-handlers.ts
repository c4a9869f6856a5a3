import { randomBytes } from 'node:crypto';
import type { GithubCaller } from './check-github-auth.js';
import type { GithubRepresentations } from './github-representations.js';
import { isoNow, issueKey, nodeId, type GithubStore, type SimGithubIssue, type SimGithubUser } from './github-store.js';
import type { ServedOperation } from './load-github-contract.js';

export interface RestRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  caller: GithubCaller;
}

export interface RestAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestDeps {
  store: GithubStore;
  views: GithubRepresentations;
  /** The account a token (or the App's installation) acts as. */
  self: SimGithubUser;
  app?: { slug: string; id: number };
  installationId?: number;
  installationTokens: Set<string>;
  /** `web` address, for `Link` headers. */
  apiUrl: string;
}

const notFound: RestAnswer = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
const forbiddenForCaller: RestAnswer = {
  status: 403,
  body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
};

type Body = Record<string, unknown>;
const bodyOf = (request: RestRequest): Body => (typeof request.body === 'object' && request.body !== null ? (request.body as Body) : {});

/**
 * One handler per served operation, with GitHub's behaviour where donegate depends on it: adding a label
 * the repository lacks creates it, removing an absent one is 404, comments page by `per_page`/`page`
 * with a `Link` header, and `state_reason` follows `state`.
 */
export function createRestHandlers(deps: RestDeps): Record<ServedOperation, (request: RestRequest) => RestAnswer> {
  const { store, views } = deps;
  const issueOf = (params: Record<string, string>): SimGithubIssue | undefined =>
    store.issues.get(`${params.owner}/${params.repo}#${params.issue_number}`.toLowerCase());
  const asUser = (caller: GithubCaller) => caller.kind === 'user' || caller.kind === 'installation';
  const touch = (issue: SimGithubIssue) => {
    issue.updatedAt = isoNow();
  };

  return {
    'users/get-authenticated': ({ caller }) => (caller.kind === 'user' ? { status: 200, body: views.user(deps.self) } : forbiddenForCaller),
    'users/get-by-username': ({ params }) => {
      const user = [...store.users.values()].find((candidate) => candidate.login === params.username);
      // The public profile: the simple-user fields plus `name` (null when the person set none).
      return user ? { status: 200, body: { ...(views.user(user) as Record<string, unknown>), name: user.name ?? null } } : notFound;
    },
    'apps/get-authenticated': ({ caller }) =>
      caller.kind === 'app' && deps.app ? { status: 200, body: { id: deps.app.id, slug: deps.app.slug, name: deps.app.slug, node_id: `A_sim${deps.app.id}` } } : forbiddenForCaller,
    'apps/create-installation-access-token': ({ caller, params }) => {
      if (caller.kind !== 'app' || String(deps.installationId) !== params.installation_id) return notFound;
      const token = `ghs_${randomBytes(18).toString('hex')}`;
      deps.installationTokens.add(token);
      return {
        status: 201,
        body: { token, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: { issues: 'write', metadata: 'read' }, repository_selection: 'all' },
      };
    },
    'issues/get': ({ params, caller }) => {
      if (!asUser(caller)) return forbiddenForCaller;
      const issue = issueOf(params);
      return issue ? { status: 200, body: views.issue(issue) } : notFound;
    },
    'issues/update': (request) => {
      if (!asUser(request.caller)) return forbiddenForCaller;
      const issue = issueOf(request.params);
      if (!issue) return notFound;
      const body = bodyOf(request);
      if (body.state === 'open' || body.state === 'closed') {
        issue.state = body.state;
        issue.closedAt = body.state === 'closed' ? isoNow() : null;
        issue.stateReason = (body.state_reason as SimGithubIssue['stateReason'] | undefined) ?? (body.state === 'closed' ? 'completed' : 'reopened');
      }
      if (typeof body.title === 'string') issue.title = body.title;
      if (typeof body.body === 'string' || body.body === null) issue.body = body.body as string | null;
      touch(issue);
      return { status: 200, body: views.issue(issue) };
    },
    'issues/list-comments': ({ params, query, caller }) => {
      if (!asUser(caller)) return forbiddenForCaller;
      const issue = issueOf(params);
      if (!issue) return notFound;
      const all = [...store.comments.values()].filter((comment) => comment.issueKey === issueKey(issue));
      const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
      const page = Math.max(1, Number(query.get('page') ?? 1));
      const pages = Math.max(1, Math.ceil(all.length / perPage));
      const headers: Record<string, string> = {};
      if (page < pages) {
        const next = `${deps.apiUrl}/repos/${params.owner}/${params.repo}/issues/${params.issue_number}/comments?per_page=${perPage}&page=${page + 1}`;
        headers.link = `<${next}>; rel="next"`;
      }
      return { status: 200, headers, body: all.slice((page - 1) * perPage, page * perPage).map(views.comment) };
    },
    'issues/create-comment': (request) => {
      if (!asUser(request.caller)) return forbiddenForCaller;
      const issue = issueOf(request.params);
      if (!issue) return notFound;
      const id = store.nextId();
      const at = isoNow();
      const comment = { id, nodeId: nodeId('IC', id), issueKey: issueKey(issue), body: String(bodyOf(request).body), authorId: deps.self.id, createdAt: at, updatedAt: at };
      store.comments.set(id, comment);
      return { status: 201, body: views.comment(comment) };
    },
    'issues/update-comment': (request) => {
      if (!asUser(request.caller)) return forbiddenForCaller;
      const comment = store.comments.get(Number(request.params.comment_id));
      if (!comment || !comment.issueKey.startsWith(`${request.params.owner}/${request.params.repo}#`.toLowerCase())) return notFound;
      comment.body = String(bodyOf(request).body);
      comment.updatedAt = isoNow();
      return { status: 200, body: views.comment(comment) };
    },
    'issues/add-labels': (request) => {
      if (!asUser(request.caller)) return forbiddenForCaller;
      const issue = issueOf(request.params);
      if (!issue) return notFound;
      const given = Array.isArray(request.body) ? request.body : bodyOf(request).labels;
      for (const label of Array.isArray(given) ? given : []) {
        const name = typeof label === 'string' ? label : String((label as Body).name);
        if (!issue.labels.some((present) => present.toLowerCase() === name.toLowerCase())) issue.labels.push(name);
      }
      touch(issue);
      return { status: 200, body: views.labelsOf(issue) };
    },
    'issues/remove-label': ({ params, caller }) => {
      if (!asUser(caller)) return forbiddenForCaller;
      const issue = issueOf(params);
      const name = params.name ?? '';
      if (!issue || !issue.labels.some((present) => present.toLowerCase() === name.toLowerCase())) {
        return { status: 404, body: { message: 'Label does not exist', documentation_url: 'https://docs.github.com/rest' } };
      }
      issue.labels = issue.labels.filter((present) => present.toLowerCase() !== name.toLowerCase());
      touch(issue);
      return { status: 200, body: views.labelsOf(issue) };
    },
  };
}
