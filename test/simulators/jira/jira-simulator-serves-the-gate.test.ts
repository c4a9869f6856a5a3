import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { JiraSimulator } from '../../../simulators/jira/index.js';
import { createSimulatedSite, send } from './jira-simulator-fixture.js';

describe('Jira simulator: the endpoints a gate uses', () => {
  let jira: JiraSimulator;
  beforeEach(async () => {
    jira = await createSimulatedSite();
  });
  afterEach(async () => {
    await jira.close();
  });

  it('returns only the requested fields of an issue', async () => {
    const response = await send(jira, 'GET', '/rest/api/3/issue/ML-1?fields=summary,status&fields=labels');
    expect(response.status).toBe(200);
    expect(Object.keys((response.body as { fields: object }).fields).sort()).toEqual(['labels', 'status', 'summary']);
  });

  it('answers Jira’s 404 body for an unknown issue', async () => {
    const response = await send(jira, 'GET', '/rest/api/3/issue/ML-404');
    expect(response).toEqual(expect.objectContaining({
      status: 404,
      body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    }));
  });

  it('describes the Resolution field of a transition screen only when asked with expand=transitions.fields', async () => {
    jira.moveIssue('ML-1', 'Done', { actorAccountId: 'alice' });
    const plain = await send(jira, 'GET', '/rest/api/3/issue/ML-1/transitions');
    const expanded = await send(jira, 'GET', '/rest/api/3/issue/ML-1/transitions?expand=transitions.fields');

    type Transitions = { transitions: Array<{ id: string; to: { id: string }; fields?: Record<string, { key: string }> }> };
    expect((plain.body as Transitions).transitions.map((t) => t.fields)).toEqual([undefined, undefined]);
    const back = (expanded.body as Transitions).transitions.find((t) => t.id === '21');
    expect(back?.fields?.resolution).toMatchObject({ key: 'resolution', operations: ['set'] });
    expect((expanded.body as Transitions).transitions.map((t) => t.to.id)).toEqual(['10000', '10001']);
  });

  it('pages comments with startAt, maxResults and total', async () => {
    for (let i = 0; i < 7; i++) jira.state.addComment('ML-1', { authorAccountId: 'alice', body: `c${i}` });
    const response = await send(jira, 'GET', '/rest/api/3/issue/ML-1/comment?startAt=5&maxResults=5');
    expect(response.body).toMatchObject({ startAt: 5, maxResults: 5, total: 7, comments: [{ author: { accountId: 'alice' } }, {}] });
  });

  it('writes comments as the API user and lets only their author edit them', async () => {
    const doc = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] };
    const created = await send(jira, 'POST', '/rest/api/3/issue/ML-1/comment', { body: { body: doc } });
    expect(created).toMatchObject({ status: 201, body: { author: { accountId: 'donegate-bot' }, body: doc } });

    const foreign = jira.state.addComment('ML-1', { authorAccountId: 'alice', body: 'mine' });
    const edit = await send(jira, 'PUT', `/rest/api/3/issue/ML-1/comment/${foreign.id}`, { body: { body: doc } });
    expect(edit.status).toBe(403);
  });

  it('answers 201 for a new issue property and 200 when replacing it', async () => {
    const first = await send(jira, 'PUT', '/rest/api/3/issue/ML-1/properties/donegate.verdict', { body: { status: 'fail' } });
    const second = await send(jira, 'PUT', '/rest/api/3/issue/ML-1/properties/donegate.verdict', { body: { status: 'pass' } });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(jira.state.issue('ML-1').properties.get('donegate.verdict')).toEqual({ status: 'pass' });
  });

  it('refuses labels with spaces, as Jira does', async () => {
    const response = await send(jira, 'PUT', '/rest/api/3/issue/ML-1', { body: { update: { labels: [{ add: 'two words' }] } } });
    expect(response).toMatchObject({ status: 400, body: { errors: { labels: expect.stringContaining('contains spaces') } } });
  });

  describe('fault injection', () => {
    it('fails the given number of matching requests, then serves normally', async () => {
      jira.failNext({ method: 'GET', path: /\/issue\/ML-1$/, status: 503, times: 2 });

      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await send(jira, 'GET', '/rest/api/3/issue/ML-1')).status);

      expect(statuses).toEqual([503, 503, 200]);
      expect(jira.requests.map((r) => r.faulted)).toEqual([true, true, false]);
    });

    it('sends the given headers and body', async () => {
      jira.failNext({ status: 429, headers: { 'Retry-After': '1' }, body: { message: 'slow down' } });
      const response = await send(jira, 'GET', '/rest/api/3/myself');
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.body).toEqual({ message: 'slow down' });
    });

    it('leaves requests that do not match alone', async () => {
      jira.failNext({ method: 'POST', status: 500 });
      expect((await send(jira, 'GET', '/rest/api/3/myself')).status).toBe(200);
    });
  });

  it('logs every request with its operation and emits it', async () => {
    const seen = new Promise<string | undefined>((resolve) => jira.events.once('request', (r) => resolve(r.operationId)));
    await send(jira, 'GET', '/rest/api/3/myself');
    await expect(seen).resolves.toBe('getCurrentUser');
    expect(jira.requests[0]).toMatchObject({ method: 'GET', path: '/rest/api/3/myself', status: 200, operationId: 'getCurrentUser' });
  });
});
