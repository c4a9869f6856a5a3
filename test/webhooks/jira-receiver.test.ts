import { createHmac } from 'node:crypto';
import { signJiraDelivery } from '../support/sign-deliveries.js';
import { verifyJiraSignature } from '../../src/trackers/jira/webhook/verify-jira-signature.js';
import { QueueUnavailableError } from '../../src/queue/enqueue-types.js';
import { JIRA_SECRET, post, sample, startWebhookServer, waitFor, type WebhookTestServer } from './webhook-test-server.js';

describe('verifyJiraSignature', () => {
  // Test vector from Atlassian's "Secure admin webhooks" docs (see /work/shared/reference/README.md).
  const secret = "It's a Secret to Everybody";
  const body = Buffer.from('Hello World!');
  const expected = 'sha256=a4771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c9';

  it("accepts Atlassian's documented test vector", () => {
    expect(verifyJiraSignature(secret, body, expected)).toBe(true);
  });

  it('accepts the method name in upper case', () => {
    expect(verifyJiraSignature(secret, body, expected.replace('sha256', 'SHA256'))).toBe(true);
  });

  it.each([
    ['a signature over another body', `sha256=${createHmac('sha256', secret).update('Hello World?').digest('hex')}`],
    ['the bare hex without the method', expected.slice('sha256='.length)],
    ['another method', expected.replace('sha256', 'sha1')],
    ['a truncated digest', expected.slice(0, -2)],
    ['non-hex characters', `sha256=${'z'.repeat(64)}`],
    ['an empty value', ''],
  ])('rejects %s', (_name, header) => {
    expect(verifyJiraSignature(secret, body, header)).toBe(false);
  });
});

describe('POST /webhooks/jira', () => {
  let server: WebhookTestServer;
  let jiraUrl: string;
  beforeEach(async () => {
    server = await startWebhookServer();
    jiraUrl = `${server.url}/webhooks/jira`;
  });
  afterEach(() => server.close());

  const send = (body: string | object, options: { deliveryId?: string; retry?: number } = {}) => {
    const signed = signJiraDelivery(JIRA_SECRET, body, options);
    return post(jiraUrl, signed.body, signed.headers);
  };

  describe('when an issue moves into a status of category done', () => {
    it('enqueues the transition and answers 202 accepted with the job id', async () => {
      const answer = await send(sample('jira', 'issue-updated-into-done.json').text, { deliveryId: 'jira-done-1' });

      expect(answer.status).toBe(202);
      // Keyed on the signed body, not on the unsigned identifier header.
      expect(answer.body).toEqual({ status: 'accepted', deliveryId: expect.stringMatching(/^body-sha256-[0-9a-f]{64}$/), jobId: expect.stringMatching(/^job-body-sha256-/) });
      expect(server.enqueued).toEqual([
        {
          tracker: 'jira',
          deliveryId: (answer.body as { deliveryId: string }).deliveryId,
          ticketId: '10142',
          ticketKey: 'ML-142',
          fromStatusId: '3',
          fromStatusName: 'In Progress',
          toStatusId: '10001',
          toStatusName: 'Done',
          actorId: '5b10ac8d82e05b22cc7d4ef5',
          occurredAt: '2026-03-12T10:41:07.203Z',
        },
      ]);
    });

    it('finds the status item even though the resolution item comes first', async () => {
      const { json } = sample('jira', 'issue-updated-into-done.json');
      const items = (json.changelog as { items: Array<{ field: string }> }).items;
      expect(items.map((item) => item.field)).toEqual(['resolution', 'status']);

      const answer = await send(json);
      expect(answer.status).toBe(202);
      expect(server.enqueued[0]?.toStatusId).toBe('10001');
    });

    it('answers 202 duplicate when Jira retries the same delivery', async () => {
      const { text } = sample('jira', 'issue-updated-into-done.json');
      const first = await send(text, { deliveryId: 'jira-retry-1' });
      const retry = await send(text, { deliveryId: 'jira-retry-1', retry: 1 });

      expect(retry.status).toBe(202);
      expect(retry.body).toEqual({ ...(first.body as object), status: 'duplicate' });
    });

    it('keys on the digest of the body when X-Atlassian-Webhook-Identifier is absent, so retries still collapse', async () => {
      const signed = signJiraDelivery(JIRA_SECRET, sample('jira', 'issue-updated-into-done.json').text);
      delete signed.headers['x-atlassian-webhook-identifier'];
      const first = await post(jiraUrl, signed.body, signed.headers);
      const second = await post(jiraUrl, signed.body, signed.headers);

      expect(first.body).toMatchObject({ status: 'accepted', deliveryId: expect.stringMatching(/^body-sha256-[0-9a-f]{64}$/) });
      expect(second.body).toMatchObject({ status: 'duplicate', deliveryId: (first.body as { deliveryId: string }).deliveryId });
    });

    it('lets the worker decide when the payload does not reveal the new status category', async () => {
      const { json } = sample('jira', 'issue-updated-into-done.json');
      const issue = json.issue as { fields: Record<string, unknown> };
      delete issue.fields.status;

      const answer = await send(json);
      expect(answer.body).toMatchObject({ status: 'accepted' });
      expect(server.enqueued[0]).toMatchObject({ toStatusId: '10001', toStatusName: 'Done' });
    });

    it('matches a status item identified only by fieldId', async () => {
      const { json } = sample('jira', 'issue-updated-into-done.json');
      const items = (json.changelog as { items: Array<Record<string, unknown>> }).items;
      items[1] = { ...items[1], field: 'Status' };

      expect((await send(json)).body).toMatchObject({ status: 'accepted' });
    });
  });

  describe('when the delivery needs no decision', () => {
    it.each([
      ['a move In Progress → In Review', 'issue-updated-in-progress-to-in-review.json', 'not-into-done'],
      ['an update of labels and summary', 'issue-updated-labels-and-summary.json', 'no-status-change'],
      ['a comment_created event', 'comment-created.json', 'not-an-issue-update'],
    ])('answers 202 ignored for %s', async (_name, file, reason) => {
      const answer = await send(sample('jira', file).text, { deliveryId: `jira-${reason}` });

      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ status: 'ignored', reason, deliveryId: expect.stringMatching(/^body-sha256-[0-9a-f]{64}$/) });
      expect(server.enqueued).toEqual([]);
    });

    it('ignores a custom field that happens to be named "status"', async () => {
      const { json } = sample('jira', 'issue-updated-labels-and-summary.json');
      const changelog = json.changelog as { items: unknown[] };
      changelog.items = [{ field: 'status', fieldtype: 'custom', fieldId: 'customfield_10077', from: null, fromString: 'a', to: null, toString: 'b' }];

      expect((await send(json)).body).toMatchObject({ status: 'ignored', reason: 'no-status-change' });
    });

    it('ignores an issue_updated without a changelog', async () => {
      const { json } = sample('jira', 'issue-updated-labels-and-summary.json');
      delete json.changelog;

      expect((await send(json)).body).toMatchObject({ status: 'ignored', reason: 'no-status-change' });
    });

    it('ignores an update that moves no status even when it lacks the issue id a move would need', async () => {
      const { json } = sample('jira', 'issue-updated-labels-and-summary.json');
      delete (json.issue as Record<string, unknown>).id;

      const answer = await send(json);
      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({ status: 'ignored', reason: 'no-status-change' });
    });
  });

  describe('when the body fails the schema', () => {
    it('answers 400 naming the missing field', async () => {
      const { json } = sample('jira', 'issue-updated-into-done.json');
      delete (json.issue as Record<string, unknown>).key;

      const answer = await send(json);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'WEBHOOK_INVALID_PAYLOAD', message: expect.stringContaining('issue.key') } });
    });

    it('answers 400 when the status item has no target status id', async () => {
      const { json } = sample('jira', 'issue-updated-into-done.json');
      const items = (json.changelog as { items: Array<Record<string, unknown>> }).items;
      items[1] = { ...items[1], to: null };

      const answer = await send(json);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { message: expect.stringContaining('changelog.items.1') } });
    });

    it('answers 400 when webhookEvent is missing', async () => {
      const answer = await send({ timestamp: 1 });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { message: expect.stringContaining('webhookEvent') } });
    });

    it('accepts unknown extra fields anywhere', async () => {
      const { json } = sample('jira', 'issue-updated-into-done.json');
      const answer = await send({ ...json, matchedWebhookIds: [3], brandNewField: { nested: [1, 2, 3] } });
      expect(answer.body).toMatchObject({ status: 'accepted' });
    });
  });

  describe('when the queue is unavailable', () => {
    it('answers 503 with Retry-After so Jira retries', async () => {
      await server.close();
      server = await startWebhookServer({
        enqueue: async () => {
          throw new QueueUnavailableError();
        },
      });
      jiraUrl = `${server.url}/webhooks/jira`;

      const answer = await send(sample('jira', 'issue-updated-into-done.json').text);
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('30');
      expect(answer.body).toMatchObject({ error: { code: 'WEBHOOK_QUEUE_UNAVAILABLE' } });
    });
  });

  describe('when enqueue fails unexpectedly', () => {
    it('answers 500 and logs the error without the body', async () => {
      await server.close();
      server = await startWebhookServer({
        enqueue: async () => {
          throw new TypeError('boom in the queue adapter');
        },
      });
      jiraUrl = `${server.url}/webhooks/jira`;

      const answer = await send(sample('jira', 'issue-updated-into-done.json').text);
      expect(answer.status).toBe(500);
      expect(answer.body).toMatchObject({ error: { code: 'WEBHOOK_INTERNAL_ERROR' } });
      await waitFor(() => server.logLines.length > 0);
      const line = JSON.parse(server.logLines.at(-1) ?? '{}') as { level: number; err?: { message: string }; ticketKey?: string };
      expect(line).toMatchObject({ level: 50, ticketKey: 'ML-142', err: { message: 'boom in the queue adapter' } });
      expect(server.logLines.join('')).not.toContain('SENSITIVE-DESCRIPTION-MARKER');
    });
  });
});
