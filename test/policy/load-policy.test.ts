import { createCriterionRegistry } from '../../src/criteria/registry.js';
import { loadPolicyFile, parsePolicy, PolicyError } from '../../src/policy/load-policy.js';

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
    expect(policy.waivers).toEqual({ maxDays: 90, approvers: { jira: [], linear: [] } });
  });

  it('reads the longest waiver and the approvers per tracker, refusing more than a year', () => {
    const text = 'version: 1\nwaivers:\n  maxDays: 30\n  approvers: { jira: [5b10ac8d82e05b22cc7d4ef5] }\nrules:\n  - { name: a, match: {}, require: [pii-scan] }\n';
    expect(parsePolicy(text, 'p.yaml', registry).waivers).toEqual({ maxDays: 30, approvers: { jira: ['5b10ac8d82e05b22cc7d4ef5'], linear: [] } });
    expect(problemsOf(text.replace('maxDays: 30', 'maxDays: 400'))[0]).toMatch(/p(olicy)?\.yaml:3: waivers\.maxDays/);
  });
});
