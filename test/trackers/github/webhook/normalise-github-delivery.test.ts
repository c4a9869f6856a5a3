import { createHmac } from 'node:crypto';
import type { DeliveryContext } from '../../../../src/trackers/tracker-receiver.js';
import { normaliseGithubDelivery } from '../../../../src/trackers/github/webhook/normalise-github-delivery.js';
import { verifyGithubSignature } from '../../../../src/trackers/github/webhook/verify-github-signature.js';
import { WebhookRequestError } from '../../../../src/trackers/webhook/webhook-request-error.js';

const repository = { full_name: 'acme/ml' };
const context = (eventType: string | undefined, body: unknown, doneStatusNames: string[] = []): DeliveryContext => ({
  rawBody: Buffer.from(JSON.stringify(body)),
  deliveryIdHeader: 'guid-1',
  now: Date.parse('2026-12-01T10:00:00Z'),
  eventType,
  doneStatusNames,
});
const normalise = (event: string | undefined, body: unknown, done?: string[]) => normaliseGithubDelivery(body, context(event, body, done));

const closed = (stateReason: string | null) => ({
  action: 'closed',
  issue: { number: 7, state: 'closed', state_reason: stateReason, closed_at: '2026-12-01T09:59:00Z' },
  repository,
  sender: { id: 42 },
});

describe('normaliseGithubDelivery', () => {
  it('turns an issue closed as completed into a move from open, keyed on the signed body', () => {
    const delivery = normalise('issues', closed('completed'));
    expect(delivery).toMatchObject({
      kind: 'transition',
      transition: { tracker: 'github', ticketKey: 'ACME/ML#7', ticketId: 'ACME/ML#7', fromStatusId: 'open', toStatusId: 'closed-completed', actorId: '42', occurredAt: '2026-12-01T09:59:00.000Z' },
    });
    expect(delivery.kind === 'transition' && delivery.transition.deliveryId).toMatch(/^body-sha256-/);
  });

  it('counts a close without a reason as completed, GitHub’s default', () => {
    expect(normalise('issues', closed(null)).kind).toBe('transition');
  });

  it.each(['not_planned', 'duplicate'])('ignores an issue closed as %s', (reason) => {
    expect(normalise('issues', closed(reason))).toMatchObject({ kind: 'ignored', reason: 'not-into-done', ticketKey: 'ACME/ML#7' });
  });

  it('ignores other issue actions', () => {
    expect(normalise('issues', { ...closed(null), action: 'reopened' })).toMatchObject({ kind: 'ignored', reason: 'no-status-change' });
  });

  it('ignores events it does not gate, such as the ping sent when a webhook is created', () => {
    expect(normalise('ping', { zen: 'Design for failure.' })).toMatchObject({ kind: 'ignored', reason: 'not-an-issue-update' });
  });

  it.each([undefined, '', 'Issues; drop', 'x'.repeat(51)])('refuses a delivery whose X-GitHub-Event is %p with 400', (event) => {
    const error = (() => {
      try {
        return normalise(event, closed(null));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(WebhookRequestError);
    expect(error).toMatchObject({ status: 400, code: 'WEBHOOK_BAD_HEADER' });
  });

  it('refuses an issues delivery without the repository with 400 naming the field', () => {
    expect(() => normalise('issues', { action: 'closed', issue: { number: 7 } })).toThrow(/repository/);
  });

  describe('issue comments', () => {
    const comment = (body: string, action = 'created') => ({
      action,
      issue: { number: 7 },
      comment: { id: 9001, body, user: { id: 5 }, created_at: '2026-12-01T09:00:00Z' },
      repository,
      sender: { id: 5 },
    });

    it('turns a new /donegate comment into a command keyed on the comment id', () => {
      expect(normalise('issue_comment', comment('/donegate waive pii-scan 7d synthetic data only'))).toEqual({
        kind: 'command',
        command: {
          tracker: 'github',
          deliveryId: 'comment-9001',
          ticketId: 'ACME/ML#7',
          ticketKey: 'ACME/ML#7',
          commentId: '9001',
          authorId: '5',
          text: '/donegate waive pii-scan 7d synthetic data only',
          occurredAt: '2026-12-01T09:00:00.000Z',
        },
      });
    });

    it('ignores an edited /donegate comment: a command counts as first written', () => {
      expect(normalise('issue_comment', comment('/donegate waive pii-scan 7d x', 'edited'))).toMatchObject({ kind: 'ignored' });
    });

    it('ignores ordinary comments', () => {
      expect(normalise('issue_comment', comment('looks good'))).toMatchObject({ kind: 'ignored' });
    });
  });

  describe('project board moves', () => {
    const edited = (to: string, fieldType = 'single_select', contentType = 'Issue') => ({
      action: 'edited',
      projects_v2_item: { node_id: 'PVTI_1', project_node_id: 'PVT_1', content_node_id: 'I_1', content_type: contentType, updated_at: '2026-12-01T09:30:00Z' },
      changes: { field_value: { field_node_id: 'PVTSSF_1', field_type: fieldType, from: { id: 'o1', name: 'In Progress' }, to: { id: 'o2', name: to } } },
      sender: { id: 42 },
    });

    it('turns a move into a configured done option into a move of the project item, names compared without case', () => {
      expect(normalise('projects_v2_item', edited('done'), ['Done'])).toMatchObject({
        kind: 'transition',
        transition: {
          ticketKey: 'project-item/PVT_1/PVTI_1/PVTSSF_1',
          fromStatusId: 'project-status/PVTSSF_1/o1',
          toStatusId: 'project-status/PVTSSF_1/o2',
          toStatusName: 'done',
        },
      });
    });

    it('ignores a move into another option', () => {
      expect(normalise('projects_v2_item', edited('In Review'), ['Done'])).toMatchObject({ kind: 'ignored', reason: 'not-into-done' });
    });

    it('ignores every board move when no done options are configured', () => {
      expect(normalise('projects_v2_item', edited('Done'), [])).toMatchObject({ kind: 'ignored', reason: 'not-into-done' });
    });

    it.each([
      ['a text field', edited('Done', 'text')],
      ['a draft issue', edited('Done', 'single_select', 'DraftIssue')],
    ])('ignores %s', (_what, body) => {
      expect(normalise('projects_v2_item', body, ['Done']).kind).toBe('ignored');
    });
  });
});

describe('verifyGithubSignature', () => {
  const body = Buffer.from('{"zen":"Keep it logically awesome."}');
  const signature = `sha256=${createHmac('sha256', 'secret').update(body).digest('hex')}`;

  it('accepts the sha256= HMAC of the raw body', () => {
    expect(verifyGithubSignature('secret', body, signature)).toBe(true);
  });

  it.each([
    ['another secret', 'other', signature],
    ['a changed body', 'secret', signature.replace(/.$/, (c) => (c === '0' ? '1' : '0'))],
    ['the bare hex without sha256=', 'secret', signature.slice('sha256='.length)],
    ['the SHA-1 form', 'secret', `sha1=${createHmac('sha1', 'secret').update(body).digest('hex')}`],
  ])('refuses %s', (_what, secret, header) => {
    expect(verifyGithubSignature(secret, body, header)).toBe(false);
  });
});
