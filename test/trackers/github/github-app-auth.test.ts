import { createGithubClient } from '../../../src/trackers/github/create-github-client.js';
import { createGithubTracker } from '../../../src/trackers/github/create-github-tracker.js';
import { createGithubSimulator, type GithubSimulator } from '../../../simulators/github/index.js';

describe('GitHub tracker authenticated as a GitHub App', () => {
  let github: GithubSimulator;
  beforeAll(async () => {
    github = await createGithubSimulator({ appSlug: 'donegate' });
  });
  afterAll(async () => {
    await github.close();
  });

  it('acts through an installation token and knows its bot account as its own', async () => {
    const app = github.app!;
    const tracker = createGithubTracker({
      client: createGithubClient({ auth: { kind: 'app', appId: app.appId, privateKey: app.privateKey, installationId: app.installationId }, baseUrl: github.url }),
      authKind: 'app',
    });
    github.addIssue({ repo: 'acme/ml', title: 'Train model' });
    await tracker.reply(await tracker.getTicket({ key: 'acme/ml#1' }), 'Waiver recorded for `pii-scan`.');

    expect(await tracker.selfId()).toBe(String(github.self.id));
    expect(github.self.login).toBe('donegate[bot]');
    expect(github.commentsOn('acme/ml#1').map((comment) => comment.authorId)).toEqual([github.self.id]);
    expect(github.requests.map((request) => request.operation)).toContain('apps/create-installation-access-token');
    expect(github.violations).toEqual([]);
  });
});
