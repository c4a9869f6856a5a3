import { githubEnvSchema } from '../../../src/trackers/github/github-settings.js';

const base = { GITHUB_WEBHOOK_SECRET: 'whsec' };
const problems = (env: Record<string, string>) => {
  const result = githubEnvSchema.safeParse(env);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('GitHub settings', () => {
  it('takes a token, with api.github.com as the default API URL and no board options', () => {
    expect(githubEnvSchema.parse({ ...base, GITHUB_TOKEN: 'ghp_x' })).toEqual({
      webhookSecret: 'whsec',
      apiUrl: 'https://api.github.com',
      auth: { kind: 'token', token: 'ghp_x' },
      projectDoneOptions: [],
    });
  });

  it('takes GitHub App credentials, restoring line breaks written as \\n in the key', () => {
    const settings = githubEnvSchema.parse({ ...base, GITHUB_APP_ID: '12', GITHUB_APP_PRIVATE_KEY: 'line1\\nline2', GITHUB_APP_INSTALLATION_ID: '34' });
    expect(settings.auth).toEqual({ kind: 'app', appId: '12', privateKey: 'line1\nline2', installationId: 34 });
  });

  it('takes a GitHub Enterprise Server URL and the board options that mean done', () => {
    const settings = githubEnvSchema.parse({ ...base, GITHUB_TOKEN: 't', GITHUB_API_URL: 'https://ghe.example.com/api/v3', GITHUB_PROJECT_DONE_OPTIONS: 'Done, Shipped ,' });
    expect(settings).toMatchObject({ apiUrl: 'https://ghe.example.com/api/v3', projectDoneOptions: ['Done', 'Shipped'] });
  });

  it('refuses plain http to a host that is not this machine', () => {
    expect(problems({ ...base, GITHUB_TOKEN: 't', GITHUB_API_URL: 'http://ghe.example.com/api/v3' })).toEqual([expect.stringMatching(/^GITHUB_API_URL: must use https/)]);
  });

  it('names the missing credentials', () => {
    expect(problems(base)).toEqual([expect.stringMatching(/^GITHUB_TOKEN: GitHub needs credentials/)]);
  });

  it('names the App variables missing beside the ones given', () => {
    expect(problems({ ...base, GITHUB_APP_ID: '12' })).toEqual([
      expect.stringMatching(/^GITHUB_APP_PRIVATE_KEY: is required/),
      expect.stringMatching(/^GITHUB_APP_INSTALLATION_ID: is required/),
    ]);
  });

  it('refuses a token and App credentials together', () => {
    expect(problems({ ...base, GITHUB_TOKEN: 't', GITHUB_APP_ID: '12', GITHUB_APP_PRIVATE_KEY: 'k', GITHUB_APP_INSTALLATION_ID: '3' })).toEqual([expect.stringMatching(/either GITHUB_TOKEN or/)]);
  });
});
