import { createCriterionRegistry } from '../../src/criteria/registry.js';
import { loadPolicyFile, parsePolicy, PolicyError } from '../../src/policy/load-policy.js';
import { TRACKER_PLUGINS } from '../../src/trackers/registry.js';

const registry = createCriterionRegistry();

function problemsOf(text: string): string[] {
  try {
    parsePolicy(text, 'policy.yaml', registry);
  } catch (error) {
    if (error instanceof PolicyError) return error.message.split('\n').slice(1);
    throw error;
  }
  throw new Error('expected the policy to be refused');
}

describe('parsePolicy', () => {
  it('accepts the shipped default policy and applies criterion defaults', async () => {
    const policy = await loadPolicyFile('config/policy.yaml', registry);
    expect(policy.rules.map((r) => r.name)).toEqual(['ml-models', 'platform-services']);
    expect(policy.rules[0]!.require).toContainEqual({ criterion: 'dependency-audit', options: { failOn: 'high', maxAgeDays: 30, unknownSeverity: 'fail' } });
    expect(policy.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the rule, the key and the line of a bad criterion option', () => {
    const problems = problemsOf(
      ['version: 1', 'rules:', '  - name: ml', '    match: { jira: { projects: [ML] } }', '    require:', '      - dependency-audit: { failOn: severe }'].join('\n'),
    );
    expect(problems).toEqual([expect.stringMatching(/policy\.yaml:6: rule "ml", rules\[0\]\.require\[0\]\.dependency-audit\.failOn: .*"high"/)]);
  });

  it('refuses an unknown criterion and lists the known ones', () => {
    const [problem] = problemsOf('version: 1\nrules:\n  - name: a\n    match: {}\n    require: [pii-scann]\n');
    expect(problem).toMatch(/policy\.yaml:5: rule "a", .*unknown criterion "pii-scann"; known criteria: pii-scan, dependency-audit/);
  });

  it('refuses a misspelt key instead of ignoring it', () => {
    const problems = problemsOf('version: 1\nrules:\n  - name: a\n    match: {}\n    requires: [pii-scan]\n');
    expect(problems.join('\n')).toMatch(/Unrecognized key: "requires"/);
    expect(problems.join('\n')).toMatch(/rules\[0\]\.require: /);
  });

  it('refuses an unsupported version, an empty rule list and duplicate rule names', () => {
    expect(problemsOf('version: 2\nrules: []\n').join('\n')).toMatch(/policy\.yaml:1: version/);
    const dup = 'version: 1\nrules:\n  - { name: a, match: {}, require: [pii-scan] }\n  - { name: a, match: {}, require: [pii-scan] }\n';
    expect(problemsOf(dup)).toEqual([expect.stringMatching(/policy\.yaml:4: rule "a", rules\[1\]\.name: duplicate rule name/)]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf('version: 1\nrules:\n  - name: a\n    match: {\n')[0]).toMatch(/policy\.yaml:\d+: YAML syntax/);
  });

  it('says which variable to set when the file does not exist', async () => {
    await expect(loadPolicyFile('no/such/policy.yaml', registry)).rejects.toThrow(/file not found \(set POLICY_FILE/);
  });
});

describe('the waivers section', () => {
  it('defaults to 90 days and no comment approvers', () => {
    const policy = parsePolicy('version: 1\nrules:\n  - { name: a, match: {}, require: [pii-scan] }\n', 'p.yaml', registry);
    // One approver list per registered tracker, each empty.
    expect(policy.waivers).toEqual({ maxDays: 90, approvers: Object.fromEntries(TRACKER_PLUGINS.map((plugin) => [plugin.name, []])) });
  });

  it('reads the longest waiver and the approvers per tracker, refusing more than a year', () => {
    const text = 'version: 1\nwaivers:\n  maxDays: 30\n  approvers: { jira: [5b10ac8d82e05b22cc7d4ef5] }\nrules:\n  - { name: a, match: {}, require: [pii-scan] }\n';
    expect(parsePolicy(text, 'p.yaml', registry).waivers).toMatchObject({ maxDays: 30, approvers: { jira: ['5b10ac8d82e05b22cc7d4ef5'], linear: [] } });
    expect(problemsOf(text.replace('maxDays: 30', 'maxDays: 400'))[0]).toMatch(/p(olicy)?\.yaml:3: waivers\.maxDays/);
  });
});

describe('the evidence section', () => {
  const RULES = 'rules:\n  - { name: a, match: {}, require: [dependency-audit] }\n';

  it('lets no attached report count by default', () => {
    expect(parsePolicy(`version: 1\n${RULES}`, 'p.yaml', registry).evidence).toEqual({ attachments: { from: [] } });
  });

  it('reads the accounts whose attached reports count, prefixed or bare', () => {
    const text = `version: 1\nevidence:\n  attachments:\n    from: [jira:5b10ac8d82e05b22cc7d4ef5, 'linear:2f0c…', 557058:f58131cb]\n${RULES}`;
    expect(parsePolicy(text, 'p.yaml', registry).evidence.attachments.from).toEqual(['jira:5b10ac8d82e05b22cc7d4ef5', 'linear:2f0c…', '557058:f58131cb']);
  });

  it('refuses a misspelt key and an id with a space, naming the line', () => {
    expect(problemsOf(`version: 1\nevidence:\n  attachment:\n    from: [a]\n${RULES}`).join('\n')).toMatch(/policy\.yaml:3: evidence: Unrecognized key: "attachment"/);
    expect(problemsOf(`version: 1\nevidence:\n  attachments:\n    from: ['jira:alice bob']\n${RULES}`)[0]).toMatch(/policy\.yaml:4: evidence\.attachments\.from\[0\]: an account id has no spaces/);
  });
});

describe("a requirement's from", () => {
  const policyWith = (requirement: string) => `version: 1\nrules:\n  - name: a\n    match: {}\n    require:\n      - ${requirement}\n`;

  it('takes from: ci out before the criterion reads its own options', () => {
    const [requirement] = parsePolicy(policyWith('dependency-audit: { failOn: critical, from: ci }'), 'p.yaml', registry).rules[0]!.require;
    expect(requirement).toEqual({ criterion: 'dependency-audit', options: { failOn: 'critical', maxAgeDays: 30, unknownSeverity: 'fail' }, from: 'ci' });
  });

  it('leaves from unset when a requirement does not name it', () => {
    expect(parsePolicy(policyWith('pii-scan'), 'p.yaml', registry).rules[0]!.require[0]).not.toHaveProperty('from');
  });

  it('refuses any other value, naming the rule, the key and the line', () => {
    expect(problemsOf(policyWith('dependency-audit: { from: admin }'))).toEqual([
      expect.stringMatching(/policy\.yaml:6: rule "a", rules\[0\]\.require\[0\]\.dependency-audit\.from: from takes one value: ci/),
    ]);
  });
});
