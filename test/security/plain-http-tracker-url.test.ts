import { ConfigError, loadConfig } from '../../src/config/env.js';

const JIRA = { JIRA_EMAIL: 'bot@acme.test', JIRA_API_TOKEN: 'jira-api-token-value', JIRA_WEBHOOK_SECRET: 'jira-secret' };
const LINEAR = { LINEAR_API_KEY: 'lin_api_key_value', LINEAR_WEBHOOK_SECRET: 'linear-secret' };

/**
 * The attack: a tracker URL written with `http://` (a typo, or a "temporary" proxy) makes donegate send its
 * Jira API token or Linear API key in clear text to anyone on the path. It is refused at start, naming the
 * variable; only loopback hosts (the tests' and the demo's simulated trackers) may use plain HTTP.
 */
describe('a plain http:// tracker URL', () => {
  const refusal = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('the configuration was accepted');
  };

  it.each([
    ['JIRA_BASE_URL', { ...JIRA, JIRA_BASE_URL: 'http://acme.atlassian.net' }],
    ['JIRA_BASE_URL', { ...JIRA, JIRA_BASE_URL: 'http://10.0.0.8:8080' }],
    ['LINEAR_API_URL', { ...LINEAR, LINEAR_API_URL: 'http://api.linear.app/graphql' }],
    ['LINEAR_API_URL', { ...LINEAR, LINEAR_API_URL: 'http://127.example.com/graphql' }],
  ])('is refused at start, naming %s, for a host off this machine', (variable, env) => {
    const message = refusal(env);
    expect(message).toContain(`${variable}: must use https://`);
    expect(message).not.toContain('jira-api-token-value');
  });

  it.each(['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010', 'https://acme.atlassian.net'])(
    'is accepted for %s (loopback, or https)',
    (url) => {
      expect(loadConfig({ ...JIRA, JIRA_BASE_URL: url, ...LINEAR, LINEAR_API_URL: `${url}/graphql` }).trackers.find((t) => t.plugin.name === 'jira')?.settings).toMatchObject({ baseUrl: url });
    },
  );
});
