import { randomUUID } from 'node:crypto';
import type { DemoDelivery, DemoTracker } from '../../src/demo/demo-trackers.js';
import { hmacSha256Hex } from '../../src/trackers/webhook/hmac-sha256.js';
import { adfToText } from '../jira/adf-to-text.js';
import type { JiraSimulator } from '../jira/create-jira-simulator.js';
import { DEMO_JIRA, DEMO_PEOPLE } from './demo-ticket-ids.js';

const SECRET = 'demo-jira-webhook-secret';

/**
 * Signed as a Jira admin webhook with a secret signs: `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the body>`
 * (https://developer.atlassian.com/cloud/jira/platform/webhooks/#secure-admin-webhooks).
 */
function signJiraDelivery(body: unknown): DemoDelivery {
  const rawBody = JSON.stringify(body);
  return {
    rawBody,
    headers: { 'content-type': 'application/json', 'x-hub-signature': `sha256=${hmacSha256Hex(SECRET, rawBody)}`, 'x-atlassian-webhook-identifier': randomUUID() },
  };
}

/** ML-142 in the demo's Jira project, moved through In Review into Done and back, as the samples report. */
export function jiraDemoTracker(jira: JiraSimulator): DemoTracker {
  const key = DEMO_JIRA.issueKey;
  const s = DEMO_JIRA.statuses;
  // Each sample arrives after the change it reports: the simulator makes that change first, as a person would.
  const move = (statusId: string) => jira.moveIssue(key, statusId, { actorAccountId: DEMO_PEOPLE.jira.accountId });
  return {
    name: 'jira',
    label: 'Jira',
    ticketKey: key,
    place: `Jira project ${DEMO_JIRA.project}`,
    simulatorUrl: jira.baseUrl,
    env: { JIRA_BASE_URL: jira.baseUrl, JIRA_EMAIL: jira.email, JIRA_API_TOKEN: jira.apiToken, JIRA_WEBHOOK_SECRET: SECRET },
    replay: [
      { file: 'issue-updated-labels-and-summary.json' },
      { file: 'issue-updated-in-progress-to-in-review.json', before: () => void move(s.inReview) },
      { file: 'issue-updated-into-done.json', before: () => void [move(s.inProgress), move(s.done)] },
      { file: 'comment-created.json' },
    ],
    // Jira assigns its own issue ids, and a signed timestamp older than a few minutes is refused as a replay.
    signSample: (body) => {
      const issue = body.issue as Record<string, unknown> | undefined;
      return signJiraDelivery({ ...body, timestamp: Date.now(), ...(issue ? { issue: { ...issue, id: jira.state.issue(key).id } } : {}) });
    },
    moveToDone: () => signJiraDelivery(move(s.done)),
    view: () => {
      const issue = jira.state.issue(key);
      const own = jira.state.comments(key).filter((c) => c.authorAccountId === jira.selfAccountId);
      const last = own.at(-1);
      return { status: jira.state.status(issue.statusId).name, labels: issue.labels, ownComments: own.length, ...(last ? { lastOwnComment: adfToText(last.body) } : {}) };
    },
  };
}
