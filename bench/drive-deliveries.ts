import { Agent } from 'node:http';
import type { TrackerName } from '../src/domain/index.js';
import { waitFor } from '../test/support/wait-for.js';
import type { BenchTrackers } from './bench-trackers.js';
import type { DriverResult } from './driver-messages.js';
import { runOpenLoop } from './open-loop.js';
import { summarise } from './percentiles.js';
import { postRequest } from './post-request.js';

interface Target {
  tracker: TrackerName;
  key: string;
  /** `<tracker>:<key>`: both trackers number their tickets BENCH-1, BENCH-2, … */
  id: string;
}

/** Tickets `first … first + count - 1` of each kind, alternating Jira and Linear. */
export function pickTargets(trackers: BenchTrackers, first: number, count: number): Target[] {
  return Array.from({ length: count }, (_, n) => {
    const i = first + n;
    const [tracker, key] = i % 2 === 0 ? (['jira', trackers.jiraKeys[i >> 1]] as const) : (['linear', trackers.linearKeys[i >> 1]] as const);
    if (key === undefined) throw new Error(`bench: no ticket #${i >> 1} for ${tracker}; create more up front`);
    return { tracker, key, id: `${tracker}:${key}` };
  });
}

/**
 * Move each target ticket to Done on its simulator and POST the resulting signed delivery to donegate at a
 * steady rate (open loop); time each from its 202 to the moment the simulator creates donegate's comment.
 */
export async function driveDeliveries(
  trackers: BenchTrackers,
  targets: Target[],
  options: { url: string; ratePerSecond: number; drainTimeoutMs: number },
): Promise<Omit<DriverResult, 'kind'>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const sentAt = new Map<string, number>();
  const acceptedAt = new Map<string, number>();
  const commentedAt = new Map<string, number>();
  const errors = { notAccepted: 0, requestErrors: 0 };
  const violationsBefore = trackers.jira.violations.length + trackers.linear.violations.length;
  const requestsBefore = { jira: trackers.jira.requests.length, linear: trackers.linear.requests.length };
  const seen = (id: string) => {
    if (!commentedAt.has(id)) commentedAt.set(id, performance.now());
  };
  const onJiraComment = (event: { issueKey: string; created: boolean; comment: { authorAccountId: string } }) => {
    if (event.created && event.comment.authorAccountId === trackers.jira.selfAccountId) seen(`jira:${event.issueKey}`);
  };
  const onLinearComment = (event: { action: string; comment: { userId?: string }; issue: { identifier: string } }) => {
    if (event.action === 'create' && event.comment.userId === trackers.linear.viewer.id) seen(`linear:${event.issue.identifier}`);
  };
  trackers.jira.events.on('comment', onJiraComment);
  trackers.linear.events.on('comment', onLinearComment);
  const start = performance.now();
  try {
    const sending = await runOpenLoop({
      ratePerSecond: options.ratePerSecond,
      count: targets.length,
      async send(index) {
        const { tracker, key, id } = targets[index]!;
        const { body, headers } = tracker === 'jira' ? trackers.moveJira(key, `bench-${id}`) : trackers.moveLinear(key);
        sentAt.set(id, performance.now());
        try {
          const answer = await postRequest(agent, new URL(`${options.url}/webhooks/${tracker}`), body, headers);
          if (answer.status >= 200 && answer.status < 300 && answer.body.includes('"accepted"')) acceptedAt.set(id, performance.now());
          else errors.notAccepted++;
        } catch {
          errors.requestErrors++;
        }
      },
    });
    await waitFor(() => [...acceptedAt.keys()].every((id) => commentedAt.has(id)), { timeoutMs: options.drainTimeoutMs }).catch(() => undefined);

    const latency = (from: Map<string, number>, tracker?: TrackerName) =>
      summarise(
        targets
          .filter((t) => (tracker === undefined || t.tracker === tracker) && from.has(t.id) && commentedAt.has(t.id))
          .map((t) => commentedAt.get(t.id)! - from.get(t.id)!),
      );
    const callsPerDecision = (tracker: TrackerName, calls: number) => {
      const decided = targets.filter((t) => t.tracker === tracker && commentedAt.has(t.id)).length;
      return Math.round((calls / Math.max(1, decided)) * 100) / 100;
    };
    return {
      sent: targets.length,
      accepted: acceptedAt.size,
      commented: targets.filter((t) => commentedAt.has(t.id)).length,
      latencyMs: { all: latency(acceptedAt), jira: latency(acceptedAt, 'jira'), linear: latency(acceptedAt, 'linear') },
      sendToCommentMs: latency(sentAt),
      acceptMs: summarise([...acceptedAt].map(([id, at]) => at - sentAt.get(id)!)),
      errors: {
        ...errors,
        simulatorViolations: trackers.jira.violations.length + trackers.linear.violations.length - violationsBefore,
        missingComments: [...acceptedAt.keys()].filter((id) => !commentedAt.has(id)).length,
      },
      sendElapsedMs: Math.round(sending.elapsedMs),
      maxSendLagMs: sending.maxSendLagMs,
      timeline: perSecond(start, acceptedAt, commentedAt),
      trackerCallsPerDecision: {
        jira: callsPerDecision('jira', trackers.jira.requests.length - requestsBefore.jira),
        linear: callsPerDecision('linear', trackers.linear.requests.length - requestsBefore.linear),
      },
    };
  } finally {
    trackers.jira.events.off('comment', onJiraComment);
    trackers.linear.events.off('comment', onLinearComment);
    agent.destroy();
  }
}

function perSecond(start: number, acceptedAt: Map<string, number>, commentedAt: Map<string, number>): Array<{ second: number; accepted: number; commented: number }> {
  const timeline: Array<{ second: number; accepted: number; commented: number }> = [];
  const bucket = (at: number) => {
    const second = Math.max(0, Math.floor((at - start) / 1000));
    while (timeline.length <= second) timeline.push({ second: timeline.length, accepted: 0, commented: 0 });
    return timeline[second]!;
  };
  for (const at of acceptedAt.values()) bucket(at).accepted++;
  for (const at of commentedAt.values()) bucket(at).commented++;
  return timeline;
}
