import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCriterionRegistry } from '../../src/criteria/registry.js';
import { createChannelSecretReader } from '../../src/notify/channel-secrets.js';
import { unusableChannels } from '../../src/notify/unusable-channels.js';
import { parsePolicy } from '../../src/policy/load-policy.js';

const policy = parsePolicy(
  [
    'version: 1',
    'rules:',
    '  - name: ml',
    '    match: { jira: { projects: [ML] } }',
    '    require: [pii-scan]',
    'notifications:',
    '  channels:',
    '    sec: { kind: slack, webhookUrlEnv: NOTIFY_SLACK_URL }',
    '    bot: { kind: slack, tokenEnv: NOTIFY_SLACK_TOKEN, channel: C0123ABCD }',
    '    grc: { kind: webhook, urlEnv: NOTIFY_GRC_URL, secretEnv: NOTIFY_GRC_SECRET }',
  ].join('\n'),
  'policy.yaml',
  createCriterionRegistry(),
);

describe('channels that cannot send, found at start', () => {
  it('names each channel and each variable that is unset, and nothing when all are set', () => {
    const none = unusableChannels(policy.notifications, createChannelSecretReader({}));
    expect(none).toEqual([
      expect.stringMatching(/^notification channel "sec" cannot send: NOTIFY_SLACK_URL is not set/),
      expect.stringMatching(/^notification channel "bot" cannot send: NOTIFY_SLACK_TOKEN is not set/),
      expect.stringMatching(/^notification channel "grc" cannot send: NOTIFY_GRC_URL is not set/),
      expect.stringMatching(/^notification channel "grc" cannot send: NOTIFY_GRC_SECRET is not set/),
    ]);
    const all = { NOTIFY_SLACK_URL: 'https://hooks.example/a', NOTIFY_SLACK_TOKEN: 'xoxb-1', NOTIFY_GRC_URL: 'https://grc.example/h', NOTIFY_GRC_SECRET: 'whsec_x' };
    expect(unusableChannels(policy.notifications, createChannelSecretReader(all))).toEqual([]);
  });

  it('says a secret file cannot be read without printing any secret that is set', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'donegate-channels-'));
    await writeFile(join(folder, 'token'), 'xoxb-secret-token-value');
    const env = { NOTIFY_SLACK_URL: 'https://hooks.example/very-secret-path', NOTIFY_SLACK_TOKEN_FILE: join(folder, 'token'), NOTIFY_GRC_URL_FILE: join(folder, 'missing'), NOTIFY_GRC_SECRET: 'whsec_x' };
    const problems = unusableChannels(policy.notifications, createChannelSecretReader(env));
    expect(problems).toEqual([expect.stringMatching(/^notification channel "grc" cannot send: cannot read NOTIFY_GRC_URL_FILE/)]);
    expect(problems.join('\n')).not.toMatch(/very-secret-path|xoxb-secret|whsec_x/);
  });

  it('is quiet when the policy has no notifications', () => {
    expect(unusableChannels(undefined, createChannelSecretReader({}))).toEqual([]);
  });
});
