import { createFaultQueue, type LinearFault } from './fault-queue.js';
import { createGraphqlHandler } from './handle-graphql-request.js';
import { startGraphqlHttpServer } from './graphql-http-server.js';
import { issueUpdateDelivery, type LinearWebhookDelivery } from './issue-webhook-delivery.js';
import {
  LinearSimulatorEmitter,
  type LinearFileRequestRecord,
  type LinearRequestRecord,
  type LinearViolation,
} from './linear-simulator-events.js';
import {
  createLinearStore,
  findIssue,
  findTeam,
  newId,
  now,
  statesOfTeam,
  type LinearStore,
  type SimAttachment,
  type SimComment,
  type SimIssue,
  type SimLabel,
  type SimTeam,
  type SimUser,
  type SimWorkflowState,
  type WorkflowStateType,
} from './linear-store.js';
import { createViews } from './linear-views.js';
import { createComment, createIssue, createLabel, updateIssue, type NewIssue, type NewLabel } from './linear-writes.js';
import { loadLinearSchema } from './load-linear-schema.js';
import { createMutationRoot } from './mutation-root.js';
import { createQueryRoot } from './query-root.js';

export interface LinearSimulatorOptions {
  /** The personal API key the simulator accepts in `Authorization`. Default `lin_api_simulator`. */
  apiKey?: string;
  /** Id of the key's owner (the `viewer`, donegate's own account). Default: a fresh UUID. */
  viewerId?: string;
  viewerName?: string;
  /** When set, deliveries from `moveIssue` carry `linear-signature` computed with it. */
  webhookSecret?: string;
}

export interface NewState {
  name: string;
  type: WorkflowStateType;
  color?: string;
  id?: string;
}

export interface NewTeam {
  key: string;
  name?: string;
  id?: string;
  /** Default: Linear's default workflow (Backlog, Todo, In Progress, In Review, Done, Canceled, Duplicate). */
  states?: NewState[];
}

export interface NewAttachment {
  title: string;
  /** Where the attachment links to. Omit it and give `content` to have the simulator serve the file. */
  url?: string;
  /** The file, served at `<simulator>/files/<id>/<filename>` to requests carrying the API key. */
  content?: Buffer | string;
  /** The last segment of the served URL; default the title. */
  filename?: string;
  contentType?: string;
  /** Serve the content in chunks without `Content-Length`. */
  streamed?: boolean;
  subtitle?: string;
  metadata?: Record<string, unknown>;
  /** Default the viewer (donegate's own account). */
  creatorId?: string;
}

export interface MoveActor {
  actorId: string;
  actorName?: string;
}

export interface LinearSimulator {
  /** GraphQL endpoint, for `new LinearClient({ apiKey, apiUrl: url })` or LINEAR_API_URL. */
  readonly url: string;
  readonly apiKey: string;
  readonly viewer: SimUser;
  readonly store: LinearStore;
  readonly events: LinearSimulatorEmitter;
  /** Documents the real Linear would refuse (and simulator gaps); a passing test should leave this empty. */
  readonly violations: LinearViolation[];
  readonly requests: LinearRequestRecord[];
  /** Requests for files the simulator serves (`/files/…`). */
  readonly fileRequests: LinearFileRequestRecord[];
  addTeam(team: NewTeam): SimTeam & { states: SimWorkflowState[] };
  addState(team: string, state: NewState): SimWorkflowState;
  addUser(user: { name: string; email?: string; id?: string }): SimUser;
  addLabel(label: NewLabel): SimLabel;
  /** `team` is a key or id; `stateId` may also be a state name of that team. */
  addIssue(issue: NewIssue): SimIssue;
  /** A comment as someone wrote it on the board (default author: a fresh user who is not the viewer). */
  addComment(issue: string, body: string, userId?: string): SimComment;
  /**
   * An attachment on the issue, resolved through `issue.attachments`. With `content`, the simulator serves
   * the file itself (as uploads.linear.app does, only to requests carrying the API key).
   */
  addAttachment(issue: string, attachment: NewAttachment): SimAttachment;
  issue(idOrIdentifier: string): SimIssue | undefined;
  stateOf(idOrIdentifier: string): SimWorkflowState | undefined;
  labelNamesOf(idOrIdentifier: string): string[];
  commentsOn(idOrIdentifier: string): SimComment[];
  /** A state of the issue's team by name (`Done`). */
  stateNamed(team: string, name: string): SimWorkflowState | undefined;
  /**
   * Move an issue as a person on the board would, and return the webhook Linear would send for it.
   * The simulator does not POST it: the caller decides where, when and how often it arrives.
   */
  moveIssue(idOrIdentifier: string, toStateId: string, actor: MoveActor): LinearWebhookDelivery;
  failNext(fault: LinearFault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

const DEFAULT_STATES: NewState[] = [
  { name: 'Backlog', type: 'backlog', color: '#bec2c8' },
  { name: 'Todo', type: 'unstarted', color: '#e2e2e2' },
  { name: 'In Progress', type: 'started', color: '#f2c94c' },
  { name: 'In Review', type: 'started', color: '#0f783c' },
  { name: 'Done', type: 'completed', color: '#5e6ad2' },
  { name: 'Canceled', type: 'canceled', color: '#95a2b3' },
  { name: 'Duplicate', type: 'duplicate', color: '#95a2b3' },
];

/**
 * A Linear GraphQL API on 127.0.0.1 built on the real schema of @linear/sdk 88.3.0: every document is
 * validated as Linear would, answers come from an in-memory workspace, and faults (rate limiting,
 * revoked keys, outages) are injected on demand.
 *
 * @example
 * const linear = await createLinearSimulator();
 * const team = linear.addTeam({ key: 'AI' });
 * const issue = linear.addIssue({ team: 'AI', title: 'Train model' });
 * const delivery = linear.moveIssue(issue.identifier, linear.stateNamed('AI', 'Done')!.id, { actorId: alice.id });
 */
export async function createLinearSimulator(options: LinearSimulatorOptions = {}): Promise<LinearSimulator> {
  const apiKey = options.apiKey ?? 'lin_api_simulator';
  const store = createLinearStore({ id: newId(), name: 'Simulated Workspace', urlKey: 'simulated' });
  const viewer: SimUser = {
    id: options.viewerId ?? newId(),
    name: options.viewerName ?? 'donegate',
    email: 'donegate@simulated.example',
  };
  store.users.set(viewer.id, viewer);
  const events = new LinearSimulatorEmitter();
  const violations: LinearViolation[] = [];
  const requests: LinearRequestRecord[] = [];
  const fileRequests: LinearFileRequestRecord[] = [];
  const servedFiles = new Map<string, SimAttachment>();
  const faults = createFaultQueue();
  const webhookId = newId();
  const views = createViews(store, viewer.id);
  const windowStart = Date.now();

  const handle = createGraphqlHandler({
    schema: loadLinearSchema(),
    apiKey,
    queryRoot: createQueryRoot(store, viewer.id, views),
    mutationRoot: createMutationRoot(store, viewer.id, views, events),
    faults,
    recordViolation(violation) {
      violations.push(violation);
      events.emit('violation', violation);
    },
    rateLimitHeaders: () => ({
      'x-ratelimit-requests-limit': '5000',
      'x-ratelimit-requests-remaining': String(Math.max(0, 5000 - requests.length - 1)),
      'x-ratelimit-requests-reset': String(windowStart + 3_600_000),
    }),
  });

  const server = await startGraphqlHttpServer(async (authorization, raw) => {
    const started = performance.now();
    const answer = await handle(authorization, raw);
    return {
      ...answer,
      done() {
        const record: LinearRequestRecord = {
          at: Date.now(),
          ...(answer.operationName ? { operationName: answer.operationName } : {}),
          rootFields: answer.rootFields,
          variables: answer.variables,
          status: answer.status,
          outcome: answer.outcome,
          durationMs: performance.now() - started,
        };
        requests.push(record);
        events.emit('request', record);
      },
    };
  }, (path, authorization) => {
    const authorized = authorization === apiKey;
    const file = servedFiles.get(path);
    const status = !authorized ? 401 : file?.content ? 200 : 404;
    fileRequests.push({ at: Date.now(), path, status, authorized });
    if (status !== 200 || !file?.content) return { status };
    return { status, content: file.content, contentType: file.contentType ?? 'application/octet-stream', streamed: file.streamed ?? false };
  });
  const origin = new URL(server.url).origin;

  const requireIssue = (idOrIdentifier: string): SimIssue => {
    const issue = findIssue(store, idOrIdentifier);
    if (!issue) throw new Error(`Linear simulator: no issue ${idOrIdentifier}`);
    return issue;
  };
  const requireTeam = (idOrKey: string): SimTeam => {
    const team = findTeam(store, idOrKey);
    if (!team) throw new Error(`Linear simulator: no team ${idOrKey}`);
    return team;
  };

  const simulator: LinearSimulator = {
    url: server.url,
    apiKey,
    viewer,
    store,
    events,
    violations,
    requests,
    fileRequests,
    addTeam({ key, name, id, states }) {
      if (findTeam(store, key)) throw new Error(`Linear simulator: team ${key} exists`);
      const team: SimTeam = { id: id ?? newId(), key: key.toUpperCase(), name: name ?? key, nextNumber: 1, createdAt: now() };
      store.teams.set(team.id, team);
      const created = (states ?? DEFAULT_STATES).map((state) => simulator.addState(team.id, state));
      return { ...team, states: created };
    },
    addState(teamIdOrKey, { name, type, color, id }) {
      const team = requireTeam(teamIdOrKey);
      const state: SimWorkflowState = {
        id: id ?? newId(),
        teamId: team.id,
        name,
        type,
        color: color ?? '#bec2c8',
        position: statesOfTeam(store, team.id).length,
        createdAt: now(),
      };
      store.states.set(state.id, state);
      return state;
    },
    addUser({ name, email, id }) {
      const user: SimUser = { id: id ?? newId(), name, email: email ?? `${name.toLowerCase().replace(/\W+/g, '.')}@simulated.example` };
      store.users.set(user.id, user);
      return user;
    },
    addLabel: (label) => createLabel(store, label.teamId ? { ...label, teamId: requireTeam(label.teamId).id } : label),
    addIssue: (issue) => {
      const created = createIssue(store, issue);
      return { ...created, labelIds: [...created.labelIds] };
    },
    addComment(idOrIdentifier, body, userId) {
      const issue = requireIssue(idOrIdentifier);
      const author = userId ?? simulator.addUser({ name: 'Board User' }).id;
      return createComment(store, issue, body, author);
    },
    addAttachment(idOrIdentifier, input) {
      const issue = requireIssue(idOrIdentifier);
      const id = newId();
      const content = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : input.content;
      const path = `/files/${id}/${encodeURIComponent(input.filename ?? input.title)}`;
      const url = content ? `${origin}${path}` : input.url;
      if (!url) throw new Error('Linear simulator: an attachment needs a url or content');
      const created = now();
      const attachment: SimAttachment = {
        id,
        issueId: issue.id,
        title: input.title,
        url,
        metadata: input.metadata ?? {},
        creatorId: input.creatorId ?? viewer.id,
        createdAt: created,
        updatedAt: created,
        ...(input.subtitle !== undefined ? { subtitle: input.subtitle } : {}),
        ...(content ? { content, contentType: input.contentType ?? 'application/octet-stream', streamed: input.streamed ?? false } : {}),
      };
      store.attachments.set(id, attachment);
      if (content) servedFiles.set(path, attachment);
      return attachment;
    },
    issue: (idOrIdentifier) => {
      const issue = findIssue(store, idOrIdentifier);
      return issue ? { ...issue, labelIds: [...issue.labelIds] } : undefined;
    },
    stateOf: (idOrIdentifier) => store.states.get(requireIssue(idOrIdentifier).stateId),
    labelNamesOf: (idOrIdentifier) =>
      requireIssue(idOrIdentifier).labelIds.flatMap((id) => {
        const label = store.labels.get(id);
        return label ? [label.name] : [];
      }),
    commentsOn(idOrIdentifier) {
      const issue = requireIssue(idOrIdentifier);
      return [...store.comments.values()].filter((comment) => comment.issueId === issue.id).map((comment) => ({ ...comment }));
    },
    stateNamed: (teamIdOrKey, name) => statesOfTeam(store, requireTeam(teamIdOrKey).id).find((state) => state.name === name),
    moveIssue(idOrIdentifier, toStateId, { actorId, actorName }) {
      const issue = requireIssue(idOrIdentifier);
      const target =
        store.states.get(toStateId) ?? statesOfTeam(store, issue.teamId).find((state) => state.name === toStateId);
      if (!target || target.teamId !== issue.teamId) {
        throw new Error(`Linear simulator: ${toStateId} is not a workflow state of ${issue.identifier}'s team`);
      }
      const actor = store.users.get(actorId) ?? simulator.addUser({ id: actorId, name: actorName ?? 'Board User' });
      const previous = updateIssue(store, issue, { stateId: target.id });
      events.emit('issue-updated', { issue: { ...issue }, previous, source: 'board' });
      return issueUpdateDelivery({
        store,
        issue,
        previous,
        actor: actorName ? { ...actor, name: actorName } : actor,
        webhookId,
        ...(options.webhookSecret ? { webhookSecret: options.webhookSecret } : {}),
      });
    },
    failNext: (fault) => faults.arm(fault),
    clearFaults: () => faults.clear(),
    close: () => server.close(),
  };
  return simulator;
}
