import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyTransition } from './apply-transition.js';
import { createFaultInjector, type FaultSpec } from './fault-injector.js';
import { buildIssueUpdatedDelivery, type IssueUpdatedDelivery } from './issue-updated-delivery.js';
import { getJiraContract } from './jira-contract.js';
import { createJiraState, type JiraState } from './jira-state.js';
import type { RepresentContext } from './represent.js';
import { createRequestServer } from './serve-request.js';
import type { JiraSimulatorEvents } from './simulator-events.js';
import type { RequestLogEntry, Violation } from './types.js';

export interface JiraSimulatorOptions {
  /** The API user's email for basic auth; default `donegate@example.com`. */
  email?: string;
  apiToken?: string;
  /** accountId of the API user, which `/myself` returns and comments are written by. */
  selfAccountId?: string;
  selfDisplayName?: string;
  /** Default 0: a free port. */
  port?: number;
}

export interface JiraSimulator {
  /** `http://127.0.0.1:<port>`: use as JIRA_BASE_URL. */
  readonly baseUrl: string;
  readonly email: string;
  readonly apiToken: string;
  readonly selfAccountId: string;
  readonly state: JiraState;
  /** Requests the real Jira would refuse or not know. A correct client leaves this empty. */
  readonly violations: Violation[];
  readonly requests: RequestLogEntry[];
  readonly events: EventEmitter<JiraSimulatorEvents>;
  /** Answer the next matching request(s) with this fault instead of handling it. */
  failNext(fault: FaultSpec): void;
  clearFaults(): void;
  /**
   * Moves the issue as a person would on the board: through a workflow transition leading to
   * `toStatus` (id or name), setting the resolution when it enters a done status. Returns the
   * `jira:issue_updated` body Jira would deliver. Throws when the workflow offers no such transition.
   */
  moveIssue(issueKey: string, toStatus: string, actor: { actorAccountId: string; displayName?: string }): IssueUpdatedDelivery;
  close(): Promise<void>;
}

/**
 * A Jira Cloud site in memory, behind a real HTTP server that checks every request against the
 * platform REST v3 OpenAPI contract.
 *
 * @example
 * const sim = await createJiraSimulator();
 * sim.state.addProject({ key: 'ML', name: 'Machine Learning' });
 * sim.state.useSimplifiedWorkflow();
 * sim.state.createIssue({ project: 'ML', summary: 'Train model', status: 'In Progress' });
 * const delivery = sim.moveIssue('ML-1', 'Done', { actorAccountId: 'alice', displayName: 'Alice' });
 */
export async function createJiraSimulator(options: JiraSimulatorOptions = {}): Promise<JiraSimulator> {
  const email = options.email ?? 'donegate@example.com';
  const apiToken = options.apiToken ?? 'simulated-api-token';
  const selfAccountId = options.selfAccountId ?? '557058:donegate-bot';
  const state = createJiraState({
    accountId: selfAccountId,
    displayName: options.selfDisplayName ?? 'donegate',
    emailAddress: email,
    timeZone: 'Etc/UTC',
  });
  const events = new EventEmitter<JiraSimulatorEvents>();
  const violations: Violation[] = [];
  const requests: RequestLogEntry[] = [];
  const faults = createFaultInjector();
  const v3: RepresentContext = { state, baseUrl: '', apiVersion: '3' };
  const v2: RepresentContext = { state, baseUrl: '', apiVersion: '2' };
  getJiraContract(); // load the contract before the first request, not during it

  const serve = createRequestServer({ state, email, apiToken, v3, v2, faults, events, violations, requests });
  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  v3.baseUrl = baseUrl;
  v2.baseUrl = baseUrl;

  return {
    baseUrl,
    email,
    apiToken,
    selfAccountId,
    state,
    violations,
    requests,
    events,
    failNext: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    moveIssue(issueKey, toStatus, actor) {
      const issue = state.issue(issueKey);
      const target = state.status(toStatus);
      const transition = state.availableTransitions(issue).find((t) => t.to === target.id);
      if (!transition) {
        const from = state.status(issue.statusId).name;
        throw new Error(`Jira simulator: the workflow of ${issue.key} has no transition from '${from}' to '${target.name}'`);
      }
      const user = actor.displayName
        ? state.addUser({ accountId: actor.actorAccountId, displayName: actor.displayName })
        : state.user(actor.actorAccountId);
      const fromStatusId = issue.statusId;
      const items = applyTransition(state, issue, transition, undefined);
      const delivery = buildIssueUpdatedDelivery(v2, issue, user, items, state.newId());
      events.emit('transition', {
        issueKey: issue.key,
        transitionId: transition.id,
        fromStatusId,
        toStatusId: issue.statusId,
        actorAccountId: user.accountId,
        via: 'board',
        delivery,
      });
      return delivery;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
