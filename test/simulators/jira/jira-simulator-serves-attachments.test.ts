import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { JiraSimulator } from '../../../simulators/jira/index.js';
import { createSimulatedSite, send } from './jira-simulator-fixture.js';

describe('Jira simulator attachments', () => {
  let jira: JiraSimulator;
  let auth: string;
  beforeEach(async () => {
    jira = await createSimulatedSite();
    auth = `Basic ${Buffer.from(`${jira.email}:${jira.apiToken}`).toString('base64')}`;
  });
  afterEach(async () => {
    await jira.close();
  });

  it("lists an added attachment in the issue's attachment field, with a content URL on the site", async () => {
    const added = jira.state.addAttachment('ML-1', { filename: 'sbom.json', content: '{}', mimeType: 'application/json' });

    const { status, body } = await send(jira, 'GET', '/rest/api/3/issue/ML-1?fields=attachment');

    expect(status).toBe(200);
    expect(body).toMatchObject({
      fields: {
        attachment: [
          {
            id: added.id,
            filename: 'sbom.json',
            size: 2,
            mimeType: 'application/json',
            author: { accountId: 'donegate-bot' },
            content: `${jira.baseUrl}/rest/api/3/attachment/content/${added.id}`,
          },
        ],
      },
    });
    expect(jira.violations).toEqual([]);
  });

  it('answers the content URL with 303, and the redirect=false URL it points to with the bytes', async () => {
    const added = jira.state.addAttachment('ML-1', { filename: 'sbom.json', content: '{"ok":true}', mimeType: 'application/json' });

    const first = await fetch(`${jira.baseUrl}/rest/api/3/attachment/content/${added.id}`, { headers: { Authorization: auth }, redirect: 'manual' });
    const location = first.headers.get('location') ?? '';
    const second = await fetch(location, { headers: { Authorization: auth } });

    expect(first.status).toBe(303);
    expect(location).toBe(`${jira.baseUrl}/rest/api/3/attachment/content/${added.id}?redirect=false`);
    expect(second.status).toBe(200);
    expect(second.headers.get('content-type')).toBe('application/json');
    expect(second.headers.get('content-length')).toBe('11');
    expect(await second.text()).toBe('{"ok":true}');
    expect(jira.violations).toEqual([]);
  });

  it('answers 404 for an unknown attachment and records a contract violation for an invalid redirect parameter', async () => {
    const missing = await send(jira, 'GET', '/rest/api/3/attachment/content/99999?redirect=false');
    const invalid = await send(jira, 'GET', '/rest/api/3/attachment/content/99999?redirect=maybe');

    expect(missing.status).toBe(404);
    expect(invalid.status).toBe(400);
    expect(jira.violations).toEqual([expect.objectContaining({ kind: 'invalid-request', operationId: 'getAttachmentContent' })]);
  });
});
