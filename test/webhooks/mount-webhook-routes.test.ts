import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { createLogger } from '../../src/logging/logger.js';
import { mountWebhookRoutes } from '../../src/webhooks/mount-webhook-routes.js';
import type { TicketCommand } from '../../src/domain/index.js';
import type { TicketTransition } from '../../src/domain/index.js';
import { signJiraDelivery } from '../support/sign-deliveries.js';
import { JIRA_SECRET, post, recordingEnqueue, sample, waitFor } from './webhook-test-server.js';

describe('mountWebhookRoutes', () => {
  describe('when the app installed a JSON parser before the webhook routes', () => {
    it('answers 500 and logs how to fix the mounting order instead of blaming the signature', async () => {
      const lines: string[] = [];
      const app = express();
      app.use(express.json());
      mountWebhookRoutes(app, {
        webhooks: { jira: { secret: JIRA_SECRET } },
        maxBytes: 1024 * 1024,
        enqueue: recordingEnqueue<TicketTransition>(),
        enqueueCommand: recordingEnqueue<TicketCommand>(),
        log: createLogger({ destination: new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) }) }),
      });
      const server = http.createServer(app).listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const signed = signJiraDelivery(JIRA_SECRET, sample('jira', 'issue-updated-into-done.json').text);
        const answer = await post(`http://127.0.0.1:${port}/webhooks/jira`, signed.body, signed.headers);

        expect(answer.status).toBe(500);
        await waitFor(() => lines.length > 0);
        expect(lines.join('')).toContain('mount the webhook routes before any body parser');
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });
});
