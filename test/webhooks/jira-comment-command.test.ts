import { signJiraDelivery } from '../support/sign-deliveries.js';
import { JIRA_SECRET, post, sample, startWebhookServer, type WebhookTestServer } from './webhook-test-server.js';

const COMMAND = '/donegate waive dependency-audit GHSA-p6mc-m468-83gw until 2026-04-30: lodash is only used at build time; upgrade tracked in ML-150';

describe('POST /webhooks/jira with a comment_created delivery', () => {
  let server: WebhookTestServer;
  beforeEach(async () => {
    server = await startWebhookServer();
  });
  afterEach(() => server.close());

  const send = (body: string | object, deliveryId: string) => {
    const signed = signJiraDelivery(JIRA_SECRET, body, { deliveryId });
    return post(`${server.url}/webhooks/jira`, signed.body, signed.headers);
  };
  const withBody = (body: unknown) => {
    const { json } = sample('jira', 'comment-created-waive-command.json');
    (json.comment as Record<string, unknown>).body = body;
    return json;
  };

  describe('when the comment starts with /donegate', () => {
    it('enqueues the command with its author, ticket and text and answers 202 accepted', async () => {
      const answer = await send(sample('jira', 'comment-created-waive-command.json').text, 'jira-cmd-1');

      expect(answer.status).toBe(202);
      // Keyed on the comment, so a replay under another delivery header is the same command.
      expect(answer.body).toEqual({ status: 'accepted', deliveryId: 'comment-10391', jobId: 'job-comment-10391' });
      expect(server.enqueued).toEqual([]);
      expect(server.commands).toEqual([
        {
          tracker: 'jira',
          deliveryId: 'comment-10391',
          ticketId: '10142',
          ticketKey: 'ML-142',
          commentId: '10391',
          authorId: '712020:9f0c2d4e-6a1b-4c3d-8e7f-0a1b2c3d4e5f',
          text: COMMAND,
          occurredAt: '2026-03-12T11:10:22.107Z',
        },
      ]);
    });

    it('reads the text of a body in ADF', async () => {
      const adf = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: COMMAND }] }] };

      expect((await send(withBody(adf), 'jira-cmd-adf')).body).toMatchObject({ status: 'accepted' });
      expect(server.commands[0]?.text).toBe(COMMAND);
    });

    it('answers duplicate for a retry of the same delivery', async () => {
      await send(sample('jira', 'comment-created-waive-command.json').text, 'jira-cmd-2');
      const retry = await send(sample('jira', 'comment-created-waive-command.json').text, 'jira-cmd-2');

      expect(retry.body).toEqual({ status: 'duplicate', deliveryId: 'comment-10391', jobId: 'job-comment-10391' });
    });

    it('answers 400 naming the field when the command comment lacks its issue id', async () => {
      const json = withBody(COMMAND);
      delete (json.issue as Record<string, unknown>).id;

      const answer = await send(json, 'jira-cmd-bad');
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'WEBHOOK_INVALID_PAYLOAD', message: expect.stringContaining('issue.id') } });
    });
  });

  describe('when the comment is not a command', () => {
    it.each([
      ['a plain comment', 'Masking job finished; report attached to the ticket.'],
      ['a comment mentioning /donegate later on', 'Asked the lead to /donegate waive this.'],
      ['a plain ADF comment', { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'LGTM' }] }] }],
    ])('answers 202 ignored for %s', async (_what, body) => {
      const answer = await send(withBody(body), 'jira-plain');

      expect(answer.body).toEqual({ status: 'ignored', reason: 'not-an-issue-update', deliveryId: expect.stringMatching(/^body-sha256-[0-9a-f]{64}$/) });
      expect(server.commands).toEqual([]);
    });
  });
});
