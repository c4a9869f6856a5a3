import { createActorNames } from '../../../src/ui/audit/actor-names.js';
import { createJiraFixture, type JiraFixture } from '../../trackers/jira/jira-fixture.js';
import { captureLog } from '../../support/capture-log.js';
import { createLinearFixture } from '../../trackers/linear/linear-fixture.js';
import { createGithubSimulator } from '../../../simulators/github/index.js';
import { createGithubClient } from '../../../src/trackers/github/create-github-client.js';
import { createGithubTracker } from '../../../src/trackers/github/create-github-tracker.js';

describe('display names of audit actors', () => {
  let f: JiraFixture;
  beforeEach(async () => {
    f = await createJiraFixture();
    f.jira.state.addUser({ accountId: 'u-priya', displayName: 'Priya Patel' });
  });
  afterEach(async () => {
    await f.jira.close();
  });
  const userLookups = () => f.jira.requests.filter((r) => r.path.startsWith('/rest/api/3/user')).length;

  it('reads a Jira account through GET /rest/api/3/user?accountId=, as the real API answers it', async () => {
    expect(await f.tracker.displayName!('u-priya')).toBe('Priya Patel');
    expect(f.jira.violations).toEqual([]);
  });

  it('asks the tracker once for an account named on many entries, and keeps the id beside the name for the report', async () => {
    const { log } = captureLog('silent');
    const names = createActorNames({ trackers: { jira: f.tracker }, log });
    const actors = [...Array.from({ length: 50 }, () => 'jira:u-priya'), 'token:ci', 'donegate', 'linear:someone'];
    const first = await names(actors);
    const again = await names(['jira:u-priya']);
    expect(first).toEqual(new Map([['jira:u-priya', 'Priya Patel']]));
    expect(again.get('jira:u-priya')).toBe('Priya Patel');
    expect(userLookups()).toBe(1);
  });

  it('asks again once the name has been kept longer than its time to live', async () => {
    const { log } = captureLog('silent');
    let now = Date.parse('2026-12-01T00:00:00Z');
    const names = createActorNames({ trackers: { jira: f.tracker }, log, ttlMs: 60_000, now: () => new Date(now) });
    await names(['jira:u-priya']);
    now += 61_000;
    await names(['jira:u-priya']);
    expect(userLookups()).toBe(2);
  });
});

describe('display names from Linear and GitHub', () => {
  it('reads a Linear user by id through user(id), its full name', async () => {
    const f = await createLinearFixture();
    try {
      const person = f.linear.addUser({ name: 'Ravi Shah' });
      expect(await f.tracker.displayName!(person.id)).toBe('Ravi Shah');
    } finally {
      await f.linear.close();
    }
  });

  it('reads a GitHub account by login through GET /users/{login}, and gives no name where the profile has none', async () => {
    const github = await createGithubSimulator();
    try {
      const tracker = createGithubTracker({ client: createGithubClient({ auth: { kind: 'token', token: github.token }, baseUrl: github.url }), authKind: 'token' });
      github.addUser('mona', 'Mona Lisa');
      github.addUser('octocat');
      expect(await tracker.displayName!('mona')).toBe('Mona Lisa');
      expect(await tracker.displayName!('octocat')).toBeUndefined();
      expect(github.violations).toEqual([]);
    } finally {
      await github.close();
    }
  });
});
