import { readFileSync } from 'node:fs';
import { normaliseGithubDelivery } from '../../../../src/trackers/github/webhook/normalise-github-delivery.js';
import { validateWebhookPayload } from '../../../../simulators/github/validate-webhook-payload.js';

const sample = (name: string) => readFileSync(new URL(`../../../../webhooks/github/${name}`, import.meta.url));

describe('the sample GitHub deliveries in webhooks/github', () => {
  it.each([
    ['issues-closed-completed.json', 'issues', 'issues-closed', { kind: 'transition', transition: { ticketKey: 'ACME/ML#42', toStatusId: 'closed-completed' } }],
    ['issues-closed-not-planned.json', 'issues', 'issues-closed', { kind: 'ignored', reason: 'not-into-done' }],
    ['issue-comment-created-waive-command.json', 'issue_comment', 'issue-comment-created', { kind: 'command', command: { ticketKey: 'ACME/ML#42', authorId: '1004' } }],
    ['projects-v2-item-edited-into-done.json', 'projects_v2_item', 'projects-v2-item-edited', { kind: 'transition', transition: { toStatusName: 'Done' } }],
  ])('%s satisfies GitHub’s payload schema and is read as webhooks/README.md says', (file, event, schema, expected) => {
    const rawBody = sample(file);
    const body: unknown = JSON.parse(rawBody.toString('utf8'));
    expect(validateWebhookPayload(schema, body)).toEqual([]);
    expect(normaliseGithubDelivery(body, { rawBody, deliveryIdHeader: undefined, now: Date.now(), eventType: event, doneStatusNames: ['Done'] })).toMatchObject(expected);
  });
});
