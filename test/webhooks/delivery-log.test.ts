import { signJiraDelivery, signLinearDelivery } from '../support/sign-deliveries.js';
import { JIRA_SECRET, LINEAR_SECRET, post, sample, startWebhookServer, waitFor, type WebhookTestServer } from './webhook-test-server.js';

interface LogLine {
  level: number;
  msg: string;
  tracker?: string;
  deliveryId?: string;
  ticketKey?: string;
  outcome?: string;
  status?: number;
}

describe('webhook delivery logging', () => {
  let server: WebhookTestServer;
  const linear = sample('linear', 'issue-update-into-completed.json');
  const clock = (linear.json.webhookTimestamp as number) + 1_000;
  beforeEach(async () => {
    server = await startWebhookServer({ now: () => clock });
  });
  afterEach(() => server.close());

  const lines = (): LogLine[] => server.logLines.map((line) => JSON.parse(line) as LogLine);

  it('writes one line per delivery with tracker, deliveryId, ticketKey and outcome', async () => {
    const jira = signJiraDelivery(JIRA_SECRET, sample('jira', 'issue-updated-into-done.json').text, { deliveryId: 'log-jira-1' });
    await post(`${server.url}/webhooks/jira`, jira.body, jira.headers);
    const ignored = signLinearDelivery(LINEAR_SECRET, sample('linear', 'comment-create.json').json, { deliveryId: 'log-lin-1' });
    await post(`${server.url}/webhooks/linear`, ignored.body, { ...ignored.headers });
    await waitFor(() => server.logLines.length >= 2);

    expect(lines()).toEqual([
      expect.objectContaining({
        tracker: 'jira',
        deliveryId: expect.stringMatching(/^body-sha256-/),
        trackerDeliveryId: 'log-jira-1',
        ticketKey: 'ML-142',
        outcome: 'accepted',
        status: 202,
        msg: 'webhook delivery',
      }),
      // comment-create's timestamp is far from the pinned clock: refused as stale, still one line.
      expect.objectContaining({ tracker: 'linear', deliveryId: 'log-lin-1', outcome: 'stale-delivery', status: 401 }),
    ]);
  });

  it('never logs the secret, the signature or the issue description, whatever the outcome', async () => {
    const jiraUrl = `${server.url}/webhooks/jira`;
    const linearUrl = `${server.url}/webhooks/linear`;
    const jiraDone = signJiraDelivery(JIRA_SECRET, sample('jira', 'issue-updated-into-done.json').text);
    const jiraReview = signJiraDelivery(JIRA_SECRET, sample('jira', 'issue-updated-in-progress-to-in-review.json').text);
    const jiraForged = signJiraDelivery('not-the-secret', sample('jira', 'issue-updated-into-done.json').text);
    const jiraBroken = signJiraDelivery(JIRA_SECRET, '{"issue": {"description": "SENSITIVE-DESCRIPTION-MARKER"');
    const linearDone = signLinearDelivery(LINEAR_SECRET, linear.text);
    const linearStale = signLinearDelivery(LINEAR_SECRET, { ...linear.json, webhookTimestamp: clock - 3_600_000 });
    const linearBadShape = signLinearDelivery(LINEAR_SECRET, { ...linear.json, data: { description: 'SENSITIVE-DESCRIPTION-MARKER' } });

    const sent = [
      [jiraUrl, jiraDone],
      [jiraUrl, jiraReview],
      [jiraUrl, jiraForged],
      [jiraUrl, jiraBroken],
      [linearUrl, linearDone],
      [linearUrl, linearStale],
      [linearUrl, linearBadShape],
    ] as const;
    for (const [url, delivery] of sent) await post(url, delivery.body, delivery.headers);
    await waitFor(() => server.logLines.length >= sent.length);

    const everything = server.logLines.join('\n');
    expect(server.logLines).toHaveLength(sent.length);
    expect(everything).not.toContain(JIRA_SECRET);
    expect(everything).not.toContain(LINEAR_SECRET);
    for (const [, delivery] of sent) {
      const signature = delivery.headers['x-hub-signature'] ?? delivery.headers['linear-signature'] ?? '';
      expect(everything).not.toContain(signature.replace(/^sha256=/, ''));
    }
    expect(everything).not.toContain('SENSITIVE-DESCRIPTION-MARKER');
    expect(everything).not.toContain('customer');
    expect(lines().map((line) => line.outcome)).toEqual([
      'accepted',
      'ignored:not-into-done',
      'signature-invalid',
      'malformed-json',
      'accepted',
      'stale-delivery',
      'invalid-payload',
    ]);
  });
});
