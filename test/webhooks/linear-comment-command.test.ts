import { signLinearDelivery } from '../support/sign-deliveries.js';
import { LINEAR_SECRET, post, sample, startWebhookServer, type WebhookTestServer } from './webhook-test-server.js';

const COMMAND = '/donegate waive pii-scan until 2026-04-30: the evaluation corpus is synthetic, no real customer data';

describe('POST /webhooks/linear with a Comment create delivery', () => {
  let server: WebhookTestServer;
  /** The receiver's clock, pinned a few seconds after the samples' webhookTimestamp. */
  let clock = 0;
  beforeEach(async () => {
    server = await startWebhookServer({ now: () => clock });
  });
  afterEach(() => server.close());

  const load = (file: string) => {
    const { json } = sample('linear', file);
    clock = (json.webhookTimestamp as number) + 2_000;
    return json;
  };
  const send = (body: object, deliveryId: string) => {
    const signed = signLinearDelivery(LINEAR_SECRET, body, { deliveryId });
    return post(`${server.url}/webhooks/linear`, signed.body, signed.headers);
  };

  describe('when the comment starts with /donegate', () => {
    it('enqueues the command with its author, issue and text and answers 200 accepted', async () => {
      const answer = await send(load('comment-create-waive-command.json'), 'lin-cmd-1');

      expect(answer.status).toBe(200);
      // Keyed on the comment, so a replay under another Linear-Delivery header is the same command.
      const commentKey = 'comment-3e5a7c9e-1b3d-4f5a-8c7e-9a1b3d5f7a41';
      expect(answer.body).toEqual({ status: 'accepted', deliveryId: commentKey, jobId: `job-${commentKey}` });
      expect(server.commands).toEqual([
        {
          tracker: 'linear',
          deliveryId: commentKey,
          ticketId: '0d2f4a6c-8e1b-4d3f-a5c7-9e1b3d5f7a07',
          ticketKey: 'AI-7',
          commentId: '3e5a7c9e-1b3d-4f5a-8c7e-9a1b3d5f7a41',
          authorId: '2a4c6e8f-0b1d-4f3a-9c5e-7a9b1d3f5e85',
          text: COMMAND,
          occurredAt: '2026-03-12T14:21:05.332Z',
        },
      ]);
    });

    it('takes the author from the actor, and leaves the key to the worker, when data has no userId or issue', async () => {
      const json = load('comment-create-waive-command.json');
      const data = json.data as Record<string, unknown>;
      delete data.userId;
      delete data.issue;
      (json.actor as Record<string, unknown>).id = 'actor-7';

      expect((await send(json, 'lin-cmd-2')).body).toMatchObject({ status: 'accepted' });
      expect(server.commands[0]).toMatchObject({ authorId: 'actor-7', ticketId: '0d2f4a6c-8e1b-4d3f-a5c7-9e1b3d5f7a07' });
      expect(server.commands[0]).not.toHaveProperty('ticketKey');
    });
  });

  describe('when the comment is not a command', () => {
    it('answers 200 ignored for a plain comment', async () => {
      const answer = await send(load('comment-create.json'), 'lin-plain');

      expect(answer.body).toEqual({ status: 'ignored', reason: 'not-an-issue-update', deliveryId: 'lin-plain' });
      expect(server.commands).toEqual([]);
    });

    it('answers 200 ignored for an edited comment, even one starting with /donegate', async () => {
      const json = { ...load('comment-create-waive-command.json'), action: 'update' };

      expect((await send(json, 'lin-edit')).body).toMatchObject({ status: 'ignored', reason: 'not-an-issue-update' });
      expect(server.commands).toEqual([]);
    });
  });
});
