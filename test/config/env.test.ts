import { ConfigError, loadConfig, settingsOf } from '../../src/config/env.js';

describe('loadConfig', () => {
  it('applies the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      redisUrl: 'redis://127.0.0.1:6379',
      dataDir: './.donegate',
      policyFile: 'config/policy.yaml',
      webhookMaxBytes: 5 * 1024 * 1024,
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.trackers).toEqual([]);
  });

  it('turns a tracker on only when all of its variables are set', () => {
    const config = loadConfig({
      JIRA_BASE_URL: 'https://acme.atlassian.net/',
      JIRA_EMAIL: 'bot@acme.test',
      JIRA_API_TOKEN: 'token',
      JIRA_WEBHOOK_SECRET: 'secret',
      LINEAR_API_KEY: 'lin_api_x',
      LINEAR_WEBHOOK_SECRET: 'lsecret',
    });
    expect(settingsOf(config, 'jira')).toEqual({ baseUrl: 'https://acme.atlassian.net', email: 'bot@acme.test', apiToken: 'token', webhookSecret: 'secret', deliveryMaxAgeSeconds: 3600 });
    expect(settingsOf(config, 'linear')).toEqual({ apiKey: 'lin_api_x', apiUrl: 'https://api.linear.app/graphql', webhookSecret: 'lsecret', attachmentHosts: ['uploads.linear.app'] });
  });

  it('refuses a half-configured tracker and names each missing variable', () => {
    expect(() => loadConfig({ JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_EMAIL: 'bot@acme.test' })).toThrow(
      /JIRA_API_TOKEN, JIRA_WEBHOOK_SECRET/,
    );
    expect(() => loadConfig({ LINEAR_WEBHOOK_SECRET: 'x' })).toThrow(/set LINEAR_API_KEY/);
  });

  it('leaves GitHub off when only GITHUB_TOKEN is set, as developer machines and CI runners often have it', () => {
    expect(loadConfig({ GITHUB_TOKEN: 'ghp_x' }).trackers).toEqual([]);
  });

  it('refuses GitHub App credentials without GITHUB_WEBHOOK_SECRET instead of leaving GitHub off', () => {
    expect(() => loadConfig({ GITHUB_APP_ID: '12' })).toThrow(/GitHub is partly configured: set GITHUB_WEBHOOK_SECRET too \(or unset GITHUB_APP_ID /);
    expect(() => loadConfig({ GITHUB_APP_PRIVATE_KEY: 'k', GITHUB_APP_INSTALLATION_ID: '3' })).toThrow(
      /set GITHUB_WEBHOOK_SECRET too \(or unset GITHUB_APP_PRIVATE_KEY, GITHUB_APP_INSTALLATION_ID /,
    );
  });

  it('leaves GitHub off when only its non-credential variables are set', () => {
    expect(loadConfig({ GITHUB_API_URL: 'https://ghe.example.com/api/v3', GITHUB_PROJECT_DONE_OPTIONS: 'Done' }).trackers).toEqual([]);
  });

  it('turns GitHub on with a token and the webhook secret', () => {
    const config = loadConfig({ GITHUB_TOKEN: 'ghp_x', GITHUB_WEBHOOK_SECRET: 'gsecret' });
    expect(settingsOf(config, 'github')).toMatchObject({ webhookSecret: 'gsecret', auth: { kind: 'token', token: 'ghp_x' } });
  });

  it('treats empty variables as unset rather than as half a configuration', () => {
    expect(loadConfig({ JIRA_BASE_URL: '', LINEAR_API_KEY: '  ' }).trackers).toEqual([]);
  });

  it('reports every invalid variable by name in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', WEBHOOK_MAX_BYTES: '0', REDIS_URL: 'http://x', DATABASE_URL: 'mysql://x/y' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'WEBHOOK_MAX_BYTES', 'REDIS_URL', 'DATABASE_URL']) expect(message).toContain(name);
  });

  it('never echoes a secret value in its error', () => {
    expect(() => loadConfig({ JIRA_API_TOKEN: 'super-secret-token-value' })).toThrow(ConfigError);
    try {
      loadConfig({ JIRA_API_TOKEN: 'super-secret-token-value' });
    } catch (e) {
      expect((e as Error).message).not.toContain('super-secret-token-value');
    }
  });

  it('limits attachment downloads to 10 MiB from uploads.linear.app unless told otherwise', () => {
    const linear = { LINEAR_API_KEY: 'lin_api_x', LINEAR_WEBHOOK_SECRET: 'lsecret' };
    const defaults = loadConfig(linear);
    expect(defaults).toMatchObject({ attachmentMaxBytes: 10 * 1024 * 1024 });
    expect(settingsOf(defaults, 'linear')).toMatchObject({ attachmentHosts: ['uploads.linear.app'] });
    const config = loadConfig({ ...linear, ATTACHMENT_MAX_BYTES: '2048', LINEAR_ATTACHMENT_HOSTS: ' uploads.linear.app, Artifacts.Example.com:8443 ,' });
    expect(config).toMatchObject({ attachmentMaxBytes: 2048 });
    expect(settingsOf(config, 'linear')).toMatchObject({ attachmentHosts: ['uploads.linear.app', 'artifacts.example.com:8443'] });
    expect(() => loadConfig({ ...linear, ATTACHMENT_MAX_BYTES: '0', LINEAR_ATTACHMENT_HOSTS: 'https://uploads.linear.app/' })).toThrow(
      /ATTACHMENT_MAX_BYTES[\s\S]*LINEAR_ATTACHMENT_HOSTS/,
    );
  });
  it('checks artifacts against AWS S3 by default, and against an S3-compatible endpoint with path-style addressing when told', () => {
    expect(loadConfig({}).artifacts).toEqual({ s3ForcePathStyle: false, hashMaxBytes: 2 * 1024 * 1024 * 1024, timeoutMs: 15_000 });
    const config = loadConfig({ S3_ENDPOINT: 'http://minio.internal:9000', S3_FORCE_PATH_STYLE: 'true', AWS_REGION: 'eu-west-1', GCS_API_ENDPOINT: 'http://127.0.0.1:4443', ARTIFACT_HASH_MAX_BYTES: '1048576', ARTIFACT_CHECK_TIMEOUT_MS: '2000' });
    expect(config.artifacts).toEqual({ s3Endpoint: 'http://minio.internal:9000', s3ForcePathStyle: true, awsRegion: 'eu-west-1', gcsApiEndpoint: 'http://127.0.0.1:4443', hashMaxBytes: 1048576, timeoutMs: 2000 });
  });

  it('refuses S3_FORCE_PATH_STYLE values other than true or false instead of reading "0" or "no" as true', () => {
    expect(() => loadConfig({ S3_FORCE_PATH_STYLE: 'yes', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT: Invalid URL[\s\S]*S3_FORCE_PATH_STYLE/);
    expect(loadConfig({ S3_FORCE_PATH_STYLE: 'false' }).artifacts.s3ForcePathStyle).toBe(false);
  });
});
