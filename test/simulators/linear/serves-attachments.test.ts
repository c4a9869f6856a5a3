import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { LinearClient } from '@linear/sdk';
import { createLinearSimulator, type LinearSimulator } from '../../../simulators/linear/index.js';

describe('Linear simulator attachments', () => {
  let linear: LinearSimulator;
  beforeEach(async () => {
    linear = await createLinearSimulator();
    linear.addTeam({ key: 'AI' });
    linear.addIssue({ team: 'AI', title: 'Train the model' });
  });
  afterEach(async () => {
    expect(linear.violations).toEqual([]);
    await linear.close();
  });

  it("resolves issue.attachments for the SDK's own typed call", async () => {
    linear.addAttachment('AI-1', { title: 'SBOM', filename: 'sbom.json', content: '{}', subtitle: 'CycloneDX' });
    linear.addAttachment('AI-1', { title: 'PR #3', url: 'https://github.com/acme/model/pull/3' });
    const client = new LinearClient({ apiKey: linear.apiKey, apiUrl: linear.url });

    const attachments = await (await client.issue('AI-1')).attachments();

    expect(attachments.nodes.map((a) => [a.title, a.subtitle, a.url])).toEqual([
      ['SBOM', 'CycloneDX', expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\/[\w-]+\/sbom\.json$/)],
      ['PR #3', undefined, 'https://github.com/acme/model/pull/3'],
    ]);
  });

  it('serves an uploaded file only to requests carrying the API key, as uploads.linear.app does', async () => {
    const { url } = linear.addAttachment('AI-1', { title: 'SBOM', filename: 'sbom.json', content: '{"bomFormat":"CycloneDX"}', contentType: 'application/json' });

    const anonymous = await fetch(url);
    const keyed = await fetch(url, { headers: { Authorization: linear.apiKey } });

    expect(anonymous.status).toBe(401);
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get('content-type')).toBe('application/json');
    expect(await keyed.text()).toBe('{"bomFormat":"CycloneDX"}');
    expect(linear.fileRequests.map((r) => [r.status, r.authorized])).toEqual([
      [401, false],
      [200, true],
    ]);
  });

  it('answers 404 for a file it does not serve', async () => {
    const response = await fetch(new URL('/files/nope/x.json', linear.url), { headers: { Authorization: linear.apiKey } });

    expect(response.status).toBe(404);
  });
});
