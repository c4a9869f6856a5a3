import { createHmac } from 'node:crypto';
import { signLinearDelivery } from '../support/sign-deliveries.js';
import { verifyLinearSignature } from '../../src/trackers/linear/webhook/verify-linear-signature.js';
import { QueueUnavailableError } from '../../src/queue/enqueue-types.js';
import { LINEAR_SECRET, post, sample, startWebhookServer, type WebhookTestServer } from './webhook-test-server.js';

describe('verifyLinearSignature', () => {
  const body = Buffer.from('{"action":"update"}');
  const signature = createHmac('sha256', 'secret').update(body).digest('hex');

  it('accepts the hex HMAC-SHA256 of the raw body', () => {
    expect(verifyLinearSignature('secret', body, signature)).toBe(true);
  });

  it('rejects the same signature over a re-serialised body', () => {
    expect(verifyLinearSignature('secret', Buffer.from('{ "action": "update" }'), signature)).toBe(false);
  });

  it('rejects a Jira-style "sha256=" prefix', () => {
    expect(verifyLinearSignature('secret', body, `sha256=${signature}`)).toBe(false);
  });
});

describe('POST /webhooks/linear', () => {
  let server: WebhookTestServer;
  let linearUrl: string;
  /** The receiver's clock, pinned a few seconds after the sample's webhookTimestamp. */
  let clock = 0;
  const start = async (options: Parameters<typeof startWebhookServer>[0] = {}) => {
    server = await startWebhookServer({ now: () => clock, ...options });
    linearUrl = `${server.url}/webhooks/linear`;
  };
  const sampleAt = (file: string) => {
    const loaded = sample('linear', file);
    clock = (loaded.json.webhookTimestamp as number) + 2_000;
    return loaded;
  };
  beforeEach(() => start());
  afterEach(() => server.close());

  const send = (body: string | object, options: { deliveryId?: string } = {}) => {
    const signed = signLinearDelivery(LINEAR_SECRET, body, options);
    return post(linearUrl, signed.body, signed.headers);
  };

  describe('when an issue moves into a completed state', () => {
    it('enqueues the transition and answers 200 accepted', async () => {
      const answer = await send(sampleAt('issue-update-into-completed.json').text, { deliveryId: 'lin-done-1' });

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ status: 'accepted', deliveryId: 'lin-done-1', jobId: 'job-lin-done-1' });
      expect(server.enqueued).toEqual([
        {
          tracker: 'linear',
          deliveryId: 'lin-done-1',
          ticketId: '0d2f4a6c-8e1b-4d3f-a5c7-9e1b3d5f7a07',
          ticketKey: 'AI-7',
          fromStatusId: 'c3a5e7f9-1b2d-4c6e-8a0f-2b4d6f8a0c63',
          toStatusId: 'e9c1a3b5-7d2f-4e6a-8c0b-4d6f8a2c4e74',
          toStatusName: 'Done',
          actorId: '2a4c6e8f-0b1d-4f3a-9c5e-7a9b1d3f5e85',
          occurredAt: '2026-03-12T14:05:21.644Z',
        },
      ]);
    });

    it('answers 200 duplicate for a second delivery with the same Linear-Delivery', async () => {
      const { text } = sampleAt('issue-update-into-completed.json');
      await send(text, { deliveryId: 'lin-dup' });
      expect((await send(text, { deliveryId: 'lin-dup' })).body).toEqual({ status: 'duplicate', deliveryId: 'lin-dup', jobId: 'job-lin-dup' });
    });

    it('falls back to webhookId and webhookTimestamp without a Linear-Delivery header', async () => {
      const signed = signLinearDelivery(LINEAR_SECRET, sampleAt('issue-update-into-completed.json').text);
      delete signed.headers['linear-delivery'];

      const answer = await post(linearUrl, signed.body, signed.headers);
      expect(answer.body).toMatchObject({ status: 'accepted', deliveryId: '6c8e0a2c-4e6f-4a8c-b0d2-4f6a8c0e2a18-1773324321702' });
    });

    it('lets the worker decide when the payload does not reveal the state type', async () => {
      const { json } = sampleAt('issue-update-into-completed.json');
      delete (json.data as Record<string, unknown>).state;

      expect((await send(json)).body).toMatchObject({ status: 'accepted' });
    });
  });

  describe('when the delivery needs no decision', () => {
    it.each([
      ['a move Todo → In Progress', 'issue-update-into-started.json', 'not-into-done'],
      ['an update of the priority only', 'issue-update-priority-only.json', 'no-status-change'],
      ['an older payload whose updatedFrom repeats the unchanged stateId', 'issue-update-legacy-unchanged-state.json', 'no-status-change'],
      ['a Comment create', 'comment-create.json', 'not-an-issue-update'],
    ])('answers 200 ignored for %s', async (_name, file, reason) => {
      const answer = await send(sampleAt(file).text, { deliveryId: `lin-${reason}` });

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ status: 'ignored', reason, deliveryId: `lin-${reason}` });
      expect(server.enqueued).toEqual([]);
    });

    it('reads the unchanged stateId in updatedFrom as no state change', async () => {
      const { json } = sampleAt('issue-update-legacy-unchanged-state.json');
      const data = json.data as { stateId: string };
      expect((json.updatedFrom as { stateId: string }).stateId).toBe(data.stateId);
    });
  });

  describe('when webhookTimestamp is far from the receiver clock', () => {
    it.each([
      ['61 s old', -61_000],
      ['61 s in the future', 61_000],
    ])('answers 401 stale delivery for a body %s', async (_name, offset) => {
      const { json } = sampleAt('issue-update-into-completed.json');
      const answer = await send({ ...json, webhookTimestamp: clock + offset });

      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: 'WEBHOOK_STALE_DELIVERY', message: expect.stringContaining('Stale delivery') } });
      expect(server.enqueued).toEqual([]);
    });

    it('accepts a body 59 s old', async () => {
      const { json } = sampleAt('issue-update-into-completed.json');
      expect((await send({ ...json, webhookTimestamp: clock - 59_000 })).status).toBe(200);
    });

    it('rejects a stale signed body even when a fresh-looking Linear-Delivery header is supplied', async () => {
      const { text } = sample('linear', 'issue-update-into-completed.json');
      clock = Date.parse('2026-04-01T00:00:00Z');
      const answer = await send(text, { deliveryId: 'brand-new-delivery' });
      expect(answer.status).toBe(401);
    });
  });

  describe('when the body fails the schema', () => {
    it('answers 400 naming data.identifier when a move into completed lacks it and the team key and number that make it', async () => {
      const { json } = sampleAt('issue-update-into-completed.json');
      const data = json.data as Record<string, unknown>;
      delete data.identifier;
      delete data.team;

      const answer = await send(json);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'WEBHOOK_INVALID_PAYLOAD', message: expect.stringContaining('data.identifier') } });
    });

    it('answers 400 naming webhookTimestamp when it is missing', async () => {
      const { json } = sampleAt('issue-update-into-completed.json');
      delete json.webhookTimestamp;

      const answer = await send(json);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { message: expect.stringContaining('webhookTimestamp') } });
    });
  });

  describe('when the queue is unavailable', () => {
    it('answers 503 with Retry-After', async () => {
      await server.close();
      await start({
        enqueue: async () => {
          throw new QueueUnavailableError();
        },
      });
      const answer = await send(sampleAt('issue-update-into-completed.json').text);

      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('30');
    });
  });
});
