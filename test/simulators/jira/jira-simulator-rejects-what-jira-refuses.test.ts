import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { JiraSimulator } from '../../../simulators/jira/index.js';
import { createSimulatedSite, send } from './jira-simulator-fixture.js';

describe('Jira simulator: refuses what the real Jira refuses', () => {
  let jira: JiraSimulator;
  beforeEach(async () => {
    jira = await createSimulatedSite();
  });
  afterEach(async () => {
    await jira.close();
  });

  describe('authentication', () => {
    it('answers 401 without credentials', async () => {
      const response = await send(jira, 'GET', '/rest/api/3/myself', { auth: null });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    });

    it('answers 401 to a wrong API token even for the right email', async () => {
      const response = await send(jira, 'GET', '/rest/api/3/myself', { auth: `${jira.email}:wrong` });
      expect(response.status).toBe(401);
    });

    it('answers the API user to the right email and token', async () => {
      const response = await send(jira, 'GET', '/rest/api/3/myself');
      expect(response).toMatchObject({ status: 200, body: { accountId: 'donegate-bot', accountType: 'atlassian', active: true } });
    });
  });

  it('answers 404 to a path outside the REST v3 contract and records the violation', async () => {
    const response = await send(jira, 'GET', '/rest/api/3/issues/ML-1');

    expect(response).toMatchObject({ status: 404, body: { errorMessages: [expect.any(String)], errors: {} } });
    expect(jira.violations).toEqual([expect.objectContaining({ kind: 'unknown-operation', method: 'GET', path: '/rest/api/3/issues/ML-1' })]);
  });

  it('answers 404 to a method the path does not support', async () => {
    const response = await send(jira, 'PATCH', '/rest/api/3/issue/ML-1', { body: {} });
    expect(response.status).toBe(404);
    expect(jira.violations[0]?.kind).toBe('unknown-operation');
  });

  it('answers 400 in Jira’s error shape to a body that breaks the schema, and records it', async () => {
    const response = await send(jira, 'POST', '/rest/api/3/issue/ML-1/transitions', {
      body: { transition: { id: 21 }, update: { labels: [{ append: 'x' }] } },
    });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errorMessages: expect.arrayContaining(['body/transition/id must be string']),
      errors: {},
    });
    expect(jira.violations).toEqual([
      expect.objectContaining({ kind: 'invalid-request', operationId: 'doTransition', problems: expect.any(Array) }),
    ]);
    expect(jira.state.issue('ML-1').statusId).toBe('10001');
  });

  it('answers 400 to query parameters of the wrong type', async () => {
    const response = await send(jira, 'GET', '/rest/api/3/issue/ML-1/comment?startAt=first&orderBy=newest');

    expect(response.status).toBe(400);
    expect(jira.violations[0]?.problems).toEqual([
      "query parameter 'startAt' must be integer",
      "query parameter 'orderBy' must be equal to one of the allowed values",
    ]);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await fetch(`${jira.baseUrl}/rest/api/3/issue/ML-1/comment`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${jira.email}:${jira.apiToken}`).toString('base64')}`, 'Content-Type': 'application/json' },
      body: '{"body": ',
    });
    expect(response.status).toBe(400);
    expect(jira.violations[0]?.kind).toBe('invalid-request');
  });

  it('refuses a comment whose body is not valid ADF with INVALID_INPUT', async () => {
    const response = await send(jira, 'POST', '/rest/api/3/issue/ML-1/comment', {
      body: { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] } },
    });

    expect(response).toMatchObject({ status: 400, body: { errorMessages: ['INVALID_INPUT'] } });
    expect(jira.violations[0]).toMatchObject({ kind: 'invalid-adf', problems: ['doc.content[0].content[0].text must be a non-empty string'] });
    expect(jira.state.comments('ML-1')).toHaveLength(0);
  });

  it('refuses a transition the workflow does not offer from the current status', async () => {
    jira.state.addStatus({ id: '10050', name: 'Archived', category: 'done' });
    jira.state.addTransition({ id: '91', from: ['Done'], to: 'Archived' });

    const response = await send(jira, 'POST', '/rest/api/3/issue/ML-1/transitions', { body: { transition: { id: '91' } } });

    expect(response).toEqual(expect.objectContaining({ status: 400, body: { errorMessages: ["Transition id '91' is not valid for this issue."], errors: {} } }));
    expect(jira.violations).toEqual([]);
  });

  it('refuses to set the resolution through a transition whose screen lacks it', async () => {
    const response = await send(jira, 'POST', '/rest/api/3/issue/ML-1/transitions', {
      body: { transition: { id: '31' }, fields: { resolution: { name: 'Done' } } },
    });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errorMessages: [],
      errors: { resolution: "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown." },
    });
    expect(jira.state.issue('ML-1').statusId).toBe('10001');
  });

  it('answers 501 to an operation of the contract it does not implement, and records it', async () => {
    const response = await send(jira, 'GET', '/rest/api/3/issue/ML-1/watchers');
    expect(response.status).toBe(501);
    expect(jira.violations[0]).toMatchObject({ kind: 'unimplemented-operation', operationId: 'getIssueWatchers' });
  });
});
