import { generateKeyPairSync } from 'node:crypto';
import { identifyGithubCaller, type GithubAuthConfig } from './check-github-auth.js';
import { createGithubFaults, faultAnswer, type GithubFault } from './github-faults.js';
import { startGithubHttpServer, type HttpExchange, type HttpReply } from './github-http-server.js';
import { createRepresentations } from './github-representations.js';
import { createGithubStore, isoNow, issueKey, nodeId, type GithubStore, type SimGithubComment, type SimGithubIssue, type SimGithubUser, type SimProject, type SimProjectItem } from './github-store.js';
import { createGraphqlHandler } from './graphql-handler.js';
import { getGithubContract, type ServedOperation } from './load-github-contract.js';
import { createRestHandlers } from './rest-handlers.js';
import { signGithubDelivery, type GithubWebhookDelivery } from './sign-github-delivery.js';
import { validateWebhookPayload } from './validate-webhook-payload.js';

export interface GithubSimulatorOptions {
  /** The token accepted in `Authorization`. Default `ghp_simulator`. */
  token?: string;
  /** The account the token (or the App's bot) is. Default `donegate-bot`, a user. */
  selfLogin?: string;
  /** When set, deliveries carry `X-Hub-Signature-256` computed with it. */
  webhookSecret?: string;
  /** Also act as a GitHub App with this slug: a fresh RSA key pair, app id 4242, installation 77. */
  appSlug?: string;
}

export interface GithubRequestRecord {
  at: number;
  method: string;
  path: string;
  /** GitHub's `operationId`, or `graphql`. */
  operation: string;
  status: number;
}

export interface NewGithubIssue {
  /** `owner/repo`. */
  repo: string;
  title: string;
  body?: string | null;
  labels?: string[];
  authorId?: number;
}

export interface GithubSimulator {
  /** The API root, for `GITHUB_API_URL` or `new Octokit({ baseUrl })`. */
  readonly url: string;
  readonly token: string;
  /** donegate's own account (the token's user or the App's bot). */
  readonly self: SimGithubUser;
  /** With `appSlug`: what GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_INSTALLATION_ID would hold. */
  readonly app?: { appId: string; privateKey: string; installationId: number };
  readonly store: GithubStore;
  /** Requests and deliveries GitHub would refuse (and simulator gaps); a passing test leaves this empty. */
  readonly violations: string[];
  readonly requests: GithubRequestRecord[];
  /** A person, with the full name their public profile shows (`GET /users/{login}` answers it as `name`). */
  addUser(login: string, name?: string): SimGithubUser;
  addIssue(issue: NewGithubIssue): SimGithubIssue;
  /** A comment someone wrote on the issue (default author: a fresh user). */
  addComment(key: string, body: string, authorId?: number): SimGithubComment;
  /** An organization's board whose Status field has these options, in order. */
  addProject(organization: string, options: string[]): SimProject;
  addProjectItem(project: SimProject, key: string, optionName?: string): SimProjectItem;
  issue(key: string): SimGithubIssue | undefined;
  commentsOn(key: string): SimGithubComment[];
  optionOf(item: SimProjectItem): string | undefined;
  /** Close the issue as a person would, and return the `issues` `closed` delivery GitHub would send. */
  closeIssue(key: string, by: SimGithubUser, reason?: 'completed' | 'not_planned'): GithubWebhookDelivery;
  /** Comment as `by`, and return the `issue_comment` `created` delivery. */
  comment(key: string, body: string, by: SimGithubUser): GithubWebhookDelivery;
  /** Move the item to another Status option on the board, and return the `projects_v2_item` `edited` delivery. */
  setProjectStatus(item: SimProjectItem, optionName: string, by: SimGithubUser): GithubWebhookDelivery;
  failNext(fault: GithubFault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

/**
 * GitHub's REST API (the issue, comment, label, user and App routes donegate uses) and its GraphQL
 * endpoint for Projects, on 127.0.0.1. Every REST request is checked against GitHub's published OpenAPI
 * description, every GraphQL document against its published schema, and every delivery the simulator
 * builds against the published webhook payload schema before it is signed; what GitHub would refuse is
 * answered as GitHub would and listed in `violations`.
 *
 * @example
 * const github = await createGithubSimulator({ webhookSecret: 's3cret' });
 * const issue = github.addIssue({ repo: 'acme/ml', title: 'Train model' });
 * const delivery = github.closeIssue('acme/ml#1', github.addUser('alice'));
 */
export async function createGithubSimulator(options: GithubSimulatorOptions = {}): Promise<GithubSimulator> {
  const contract = getGithubContract();
  const store = createGithubStore();
  const token = options.token ?? 'ghp_simulator';
  const violations: string[] = [];
  const requests: GithubRequestRecord[] = [];
  const faults = createGithubFaults();
  const hookId = store.nextId();
  const self: SimGithubUser = options.appSlug
    ? { id: store.nextId(), login: `${options.appSlug}[bot]`, type: 'Bot' }
    : { id: store.nextId(), login: options.selfLogin ?? 'donegate-bot', type: 'User' };
  store.users.set(self.id, self);
  const keys = options.appSlug ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : undefined;
  const app = keys && options.appSlug ? { appId: '4242', privateKey: keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), installationId: 77 } : undefined;
  const auth: GithubAuthConfig = { token, installationTokens: new Set(), ...(keys && app ? { app: { appId: app.appId, publicKey: keys.publicKey } } : {}) };

  let url = '';
  const views = createRepresentations(store, 'https://github.example');
  const rest = createRestHandlers({
    store,
    views,
    self,
    ...(app && options.appSlug ? { app: { slug: options.appSlug, id: Number(app.appId) }, installationId: app.installationId } : {}),
    installationTokens: auth.installationTokens,
    get apiUrl() {
      return url;
    },
  });
  const graphql = createGraphqlHandler(store);

  const handle = (exchange: HttpExchange): HttpReply => {
    const caller = identifyGithubCaller(exchange.authorization, auth);
    const isGraphql = exchange.method === 'POST' && exchange.path === '/graphql';
    const matched = isGraphql ? undefined : contract.match(exchange.method, exchange.path);
    const operation = isGraphql ? 'graphql' : (matched?.operation.operationId ?? 'unknown');
    const reply = answer();
    requests.push({ at: Date.now(), method: exchange.method, path: exchange.path, operation, status: reply.status });
    return { ...reply, headers: { ...rateLimitHeaders(requests.length), ...reply.headers } };

    function answer(): HttpReply {
      if (!isGraphql && !matched) {
        violations.push(`${exchange.method} ${exchange.path}: no such operation in the served part of GitHub's REST API`);
        return { status: 404, body: { message: 'Not Found' } };
      }
      if (exchange.invalidJson) {
        violations.push(`${exchange.method} ${exchange.path}: body is not JSON`);
        return { status: 400, body: { message: 'Problems parsing JSON' } };
      }
      if (caller.kind === 'anonymous') return { status: 401, body: { message: 'Requires authentication' } };
      const fault = faults.take(operation);
      if (fault) return faultAnswer(fault);
      if (isGraphql) {
        const result = graphql(exchange.body);
        if (result.violation) violations.push(`graphql: ${result.violation}`);
        return { status: result.status, body: result.body };
      }
      const problems = matched ? contract.validate({ matched, query: exchange.query, body: exchange.body }) : [];
      if (problems.length > 0) {
        violations.push(`${operation}: ${problems.join('; ')}`);
        return { status: 422, body: { message: 'Invalid request.', errors: problems } };
      }
      const handler = rest[operation as ServedOperation];
      const result = handler({ params: matched?.pathParams ?? {}, query: exchange.query, body: exchange.body, caller });
      return { status: result.status, ...(result.headers ? { headers: result.headers } : {}), ...(result.body === undefined ? {} : { body: result.body }) };
    }
  };

  const server = await startGithubHttpServer(handle);
  url = server.endpoint;

  const deliver = (event: string, schemaEvent: string, body: Record<string, unknown>): GithubWebhookDelivery => {
    const payload = { ...body, sender: views.user(self), ...(body.sender ? { sender: body.sender } : {}) };
    for (const problem of validateWebhookPayload(schemaEvent, payload)) violations.push(`delivery ${problem}`);
    return signGithubDelivery(event, payload, options.webhookSecret, hookId);
  };
  const mustFind = (key: string): SimGithubIssue => {
    const issue = store.issues.get(key.toLowerCase());
    if (!issue) throw new Error(`The simulator has no issue ${key}`);
    return issue;
  };
  const numbers = new Map<string, number>();

  const simulator: GithubSimulator = {
    url,
    token,
    self,
    ...(app ? { app } : {}),
    store,
    violations,
    requests,
    addUser(login, name) {
      const user: SimGithubUser = { id: store.nextId(), login, type: 'User', ...(name === undefined ? {} : { name }) };
      store.users.set(user.id, user);
      return user;
    },
    addIssue(input) {
      const number = (numbers.get(input.repo) ?? 0) + 1;
      numbers.set(input.repo, number);
      const id = store.nextId();
      const at = isoNow();
      const issue: SimGithubIssue = {
        id,
        nodeId: nodeId('I', id),
        repo: input.repo,
        number,
        title: input.title,
        body: input.body ?? null,
        state: 'open',
        stateReason: null,
        labels: [...(input.labels ?? [])],
        authorId: input.authorId ?? self.id,
        createdAt: at,
        updatedAt: at,
        closedAt: null,
      };
      store.issues.set(issueKey(issue), issue);
      return issue;
    },
    addComment(key, body, authorId) {
      mustFind(key);
      const id = store.nextId();
      const at = isoNow();
      const comment: SimGithubComment = { id, nodeId: nodeId('IC', id), issueKey: key.toLowerCase(), body, authorId: authorId ?? simulator.addUser(`someone-${id}`).id, createdAt: at, updatedAt: at };
      store.comments.set(id, comment);
      return comment;
    },
    addProject(organization, optionNames) {
      const id = store.nextId();
      const project: SimProject = {
        nodeId: nodeId('PVT', id),
        number: store.projects.size + 1,
        organization,
        statusFieldId: nodeId('PVTSSF', id),
        options: optionNames.map((name, index) => ({ id: `opt${id}${index}`, name })),
      };
      store.projects.set(project.nodeId, project);
      return project;
    },
    addProjectItem(project, key, optionName) {
      mustFind(key);
      const id = store.nextId();
      const at = isoNow();
      const option = project.options.find((candidate) => candidate.name === optionName);
      const item: SimProjectItem = { id, nodeId: nodeId('PVTI', id), projectNodeId: project.nodeId, issueKey: key.toLowerCase(), optionId: option?.id ?? null, createdAt: at, updatedAt: at };
      store.items.set(item.nodeId, item);
      return item;
    },
    issue: (key) => store.issues.get(key.toLowerCase()),
    commentsOn: (key) => [...store.comments.values()].filter((comment) => comment.issueKey === key.toLowerCase()),
    optionOf(item) {
      const project = store.projects.get(item.projectNodeId);
      return project?.options.find((option) => option.id === store.items.get(item.nodeId)?.optionId)?.name;
    },
    closeIssue(key, by, reason = 'completed') {
      const issue = mustFind(key);
      issue.state = 'closed';
      issue.stateReason = reason;
      issue.closedAt = isoNow();
      issue.updatedAt = issue.closedAt;
      return deliver('issues', 'issues-closed', { action: 'closed', issue: views.webhookIssue(issue, 'webhook-issues-closed'), repository: views.repository(issue.repo), sender: views.user(by) });
    },
    comment(key, body, by) {
      const issue = mustFind(key);
      const comment = simulator.addComment(key, body, by.id);
      return deliver('issue_comment', 'issue-comment-created', {
        action: 'created',
        issue: views.webhookIssue(issue, 'webhook-issue-comment-created'),
        comment: views.webhookComment(comment),
        repository: views.repository(issue.repo),
        sender: views.user(by),
      });
    },
    setProjectStatus(item, optionName, by) {
      const project = store.projects.get(item.projectNodeId);
      const to = project?.options.find((option) => option.name === optionName);
      if (!project || !to) throw new Error(`The project has no Status option ${optionName}`);
      const from = project.options.find((option) => option.id === item.optionId);
      item.optionId = to.id;
      item.updatedAt = isoNow();
      const issue = mustFind(item.issueKey);
      const option = (value: typeof to | undefined) => (value ? { id: value.id, name: value.name, color: 'GRAY', description: '' } : null);
      return deliver('projects_v2_item', 'projects-v2-item-edited', {
        action: 'edited',
        projects_v2_item: views.projectItem(item, issue.nodeId),
        changes: { field_value: { field_node_id: project.statusFieldId, field_type: 'single_select', field_name: 'Status', project_number: project.number, from: option(from), to: option(to) } },
        organization: views.organization(project.organization),
        sender: views.user(by),
      });
    },
    failNext: (fault) => faults.arm(fault),
    clearFaults: () => faults.clear(),
    close: () => server.close(),
  };
  return simulator;
}

/** GitHub reports the primary limit on every answer (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api). */
function rateLimitHeaders(used: number): Record<string, string> {
  return {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(Math.max(0, 5000 - used)),
    'x-ratelimit-used': String(used),
    'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
  };
}
