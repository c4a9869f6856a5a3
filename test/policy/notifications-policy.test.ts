import { createCriterionRegistry } from '../../src/criteria/registry.js';
import { parsePolicy, PolicyError } from '../../src/policy/load-policy.js';

const registry = createCriterionRegistry();
const RULES = ['version: 1', 'rules:', '  - name: ml', '    match: { jira: { projects: [ML] } }', '    require: [pii-scan]'];

function problemsOf(lines: string[]): string {
  try {
    parsePolicy([...RULES, ...lines].join('\n'), 'policy.yaml', registry);
  } catch (error) {
    if (error instanceof PolicyError) return error.message;
    throw error;
  }
  throw new Error('expected the policy to be refused');
}

describe('the policy notifications section', () => {
  it('is optional: an older policy without it notifies nobody', () => {
    expect(parsePolicy(RULES.join('\n'), 'policy.yaml', registry).notifications).toEqual({ channels: {}, routes: [], waiverExpiryDays: 7, digestHourUtc: 9 });
  });

  it('reads channels and routes, with every event by default', () => {
    const policy = parsePolicy(
      [
        ...RULES,
        'notifications:',
        '  channels:',
        '    sec: { kind: slack, webhookUrlEnv: NOTIFY_SLACK_URL }',
        '    bot: { kind: slack, tokenEnv: NOTIFY_SLACK_TOKEN, channel: C0123ABCD, digest: daily }',
        '    grc: { kind: webhook, urlEnv: NOTIFY_GRC_URL, secretEnv: NOTIFY_GRC_SECRET }',
        '  routes:',
        '    - match: { jira: { projects: [ML] } }',
        '      channels: [sec, bot, grc]',
      ].join('\n'),
      'policy.yaml',
      registry,
    );
    expect(policy.notifications?.routes[0]?.events).toEqual(['ticket-blocked', 'ticket-unblocked', 'waiver-expiring']);
    expect(policy.notifications?.channels.bot).toMatchObject({ kind: 'slack', digest: 'daily' });
  });

  it('refuses a secret written into the policy, or a variable outside NOTIFY_', () => {
    expect(problemsOf(['notifications:', '  channels:', '    sec: { kind: slack, webhookUrlEnv: "https://hooks.slack.com/services/T/B/x" }'])).toMatch(/NOTIFY_/);
    expect(problemsOf(['notifications:', '  channels:', '    sec: { kind: webhook, urlEnv: NOTIFY_URL, secretEnv: DATABASE_URL }'])).toMatch(/NOTIFY_/);
  });

  it('refuses a route naming a channel that does not exist', () => {
    expect(problemsOf(['notifications:', '  channels: {}', '  routes:', '    - channels: [missing]'])).toMatch(/no channel named "missing"/);
  });
});
