import { randomUUID } from 'node:crypto';
import type { DemoDelivery, DemoTracker } from '../../src/demo/demo-trackers.js';
import { hmacSha256Hex } from '../../src/trackers/webhook/hmac-sha256.js';
import type { LinearSimulator } from '../linear/create-linear-simulator.js';
import { DEMO_LINEAR, DEMO_PEOPLE } from './demo-ticket-ids.js';

/** What the demo's Linear simulator is created with, so its own deliveries carry `linear-signature`. */
export const LINEAR_DEMO_SECRET = 'demo-linear-webhook-secret';

/** Signed as Linear signs: `Linear-Signature: <hex HMAC-SHA256 of the body>` (https://linear.app/developers/webhooks). */
function signLinearDelivery(body: Record<string, unknown>): DemoDelivery {
  const rawBody = JSON.stringify(body);
  return {
    rawBody,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'linear-signature': hmacSha256Hex(LINEAR_DEMO_SECRET, rawBody),
      'linear-delivery': randomUUID(),
      'linear-event': String(body.type ?? 'Issue'),
    },
  };
}

/** AI-7 in the demo's Linear team, started, then completed and sent back, as the samples report. */
export function linearDemoTracker(linear: LinearSimulator): DemoTracker {
  const key = DEMO_LINEAR.identifier;
  const s = DEMO_LINEAR.states;
  const move = (stateId: string) => linear.moveIssue(key, stateId, { actorId: DEMO_PEOPLE.linear.id });
  return {
    name: 'linear',
    label: 'Linear',
    ticketKey: key,
    place: 'Linear team AI',
    simulatorUrl: linear.url,
    env: { LINEAR_API_KEY: linear.apiKey, LINEAR_API_URL: linear.url, LINEAR_WEBHOOK_SECRET: LINEAR_DEMO_SECRET },
    replay: [
      { file: 'issue-update-priority-only.json' },
      { file: 'issue-update-into-started.json', before: () => void move(s.inProgress) },
      { file: 'issue-update-legacy-unchanged-state.json' },
      { file: 'issue-update-into-completed.json', before: () => void [move(s.inReview), move(s.done)] },
      { file: 'comment-create.json' },
    ],
    // Linear refuses a signed webhookTimestamp more than a minute from the clock; the samples are old.
    signSample: (body) => signLinearDelivery({ ...body, webhookTimestamp: Date.now() }),
    moveToDone: () => {
      const { rawBody, headers } = move(s.done);
      return { rawBody, headers };
    },
    view: () => {
      const own = linear.commentsOn(key).filter((c) => c.userId === linear.viewer.id);
      const last = own.at(-1);
      return { status: linear.stateOf(key)?.name ?? '?', labels: linear.labelNamesOf(key), ownComments: own.length, ...(last ? { lastOwnComment: last.body } : {}) };
    },
  };
}
