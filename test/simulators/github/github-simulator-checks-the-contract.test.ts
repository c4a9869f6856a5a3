import { createHmac } from 'node:crypto';
import { createGithubSimulator, type GithubSimulator } from '../../../simulators/github/index.js';

describe('the GitHub simulator', () => {
  let github: GithubSimulator;
  beforeEach(async () => {
    github = await createGithubSimulator({ webhookSecret: 'hook-secret' });
    github.addIssue({ repo: 'acme/ml', title: 'Train model' });
  });
  afterEach(async () => {
    await github.close();
  });

  const call = (method: string, path: string, body?: unknown, token = github.token) =>
    fetch(`${github.url}${path}`, {
      method,
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('answers 422 and records a violation for a body GitHub’s OpenAPI description refuses', async () => {
    const response = await call('PATCH', '/repos/acme/ml/issues/1', { state: 'reopened' });
    expect(response.status).toBe(422);
    expect(github.violations).toEqual([expect.stringContaining('issues/update')]);
    expect(github.issue('acme/ml#1')?.state).toBe('open');
  });

  it('records a violation for a route it does not serve', async () => {
    expect((await call('GET', '/repos/acme/ml/issues/1/timeline')).status).toBe(404);
    expect(github.violations).toEqual([expect.stringContaining('/timeline')]);
  });

  it('answers 401 without a known token', async () => {
    expect((await call('GET', '/repos/acme/ml/issues/1', undefined, 'ghp_wrong')).status).toBe(401);
  });

  it('records a violation for a GraphQL document GitHub’s schema refuses', async () => {
    const response = await call('POST', '/graphql', { query: '{ viewer { noSuchField } }' });
    expect(((await response.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    expect(github.violations).toEqual([expect.stringContaining('noSuchField')]);
  });

  it('builds deliveries that satisfy GitHub’s payload schemas, signed as GitHub signs them', () => {
    const alice = github.addUser('alice');
    const board = github.addProject('acme', ['Todo', 'Done']);
    const deliveries = [
      github.closeIssue('acme/ml#1', alice),
      github.comment('acme/ml#1', '/donegate waive pii-scan 7d reason', alice),
      github.setProjectStatus(github.addProjectItem(board, 'acme/ml#1', 'Todo'), 'Done', alice),
    ];
    expect(github.violations).toEqual([]);
    for (const delivery of deliveries) {
      const expected = `sha256=${createHmac('sha256', 'hook-secret').update(delivery.rawBody).digest('hex')}`;
      expect(delivery.headers['x-hub-signature-256']).toBe(expected);
      expect(delivery.headers['x-github-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(deliveries.map((delivery) => delivery.event)).toEqual(['issues', 'issue_comment', 'projects_v2_item']);
  });

  it('answers a primary rate limit as GitHub does: 403 with x-ratelimit-remaining 0 and a reset time', async () => {
    github.failNext({ kind: 'primary-rate-limit', retryAfterSeconds: 60 });
    const response = await call('GET', '/repos/acme/ml/issues/1');
    expect(response.status).toBe(403);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 + 50);
    expect((await call('GET', '/repos/acme/ml/issues/1')).status).toBe(200);
  });
});
