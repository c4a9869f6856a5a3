import { createFaultQueue } from './fault-queue.js';
import type { LinearSimulator, LinearSimulatorOptions } from './linear-simulator.js';
import { LinearSimulatorEmitter } from './linear-simulator-events.js';
import { createLinearStore, newId, type SimAttachment, type SimUser } from './linear-store.js';
import { createViews } from './linear-views.js';
import { serveLinearApi } from './serve-linear-api.js';
import { createAttachmentSetup } from './setup/linear-attachments.js';
import { createCommentSetup } from './setup/linear-comments.js';
import { createIssueSetup } from './setup/linear-issues.js';
import { createPeopleSetup } from './setup/linear-people.js';
import { createTeamSetup } from './setup/linear-teams.js';

export type { LinearSimulator, LinearSimulatorOptions, MoveActor, NewAttachment, NewState, NewTeam } from './linear-simulator.js';

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
  const faults = createFaultQueue();
  const servedFiles = new Map<string, SimAttachment>();
  const api = await serveLinearApi({ apiKey, store, viewerId: viewer.id, views: createViews(store, viewer.id), events, faults, servedFiles });
  const people = createPeopleSetup(store);

  return {
    url: api.url,
    apiKey,
    viewer,
    store,
    events,
    violations: api.violations,
    requests: api.requests,
    fileRequests: api.fileRequests,
    ...createTeamSetup(store),
    ...people,
    ...createIssueSetup({ store, events, people, webhookId: newId(), ...(options.webhookSecret ? { webhookSecret: options.webhookSecret } : {}) }),
    ...createCommentSetup(store, people),
    ...createAttachmentSetup({ store, viewerId: viewer.id, origin: new URL(api.url).origin, servedFiles }),
    failNext: (fault) => faults.arm(fault),
    clearFaults: () => faults.clear(),
    close: api.close,
  };
}
