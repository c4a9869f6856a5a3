import { createCriterionRegistry } from '../../src/criteria/registry.js';
import { parsePolicy } from '../../src/policy/load-policy.js';

const registry = createCriterionRegistry();
const policy = (options: string) => `version: 1\nrules:\n  - name: code\n    match: {}\n    require:\n      - secret-scan: ${options}\n`;

describe('policy options for allow-lists and custom rules on the scan criteria', () => {
  it('reads allowed and customRules on secret-scan, and defaults allowed to accept', () => {
    const sha = 'ab'.repeat(32);
    expect(parsePolicy(policy(`{ allowed: block, customRules: [${sha}] }`), 'p.yaml', registry).rules[0]!.require[0]!.options).toEqual({ datasets: 'if-declared', allowed: 'block', customRules: [sha] });
    expect(parsePolicy(policy('{ maxAgeDays: 7 }'), 'p.yaml', registry).rules[0]!.require[0]!.options).toMatchObject({ allowed: 'accept' });
  });

  it('names the line and the key of a bad value', () => {
    expect(() => parsePolicy(policy('{ allowed: sometimes }'), 'p.yaml', registry)).toThrow(/p\.yaml:6: rule "code", rules\[0\]\.require\[0\]\.secret-scan\.allowed: /);
    expect(() => parsePolicy(policy('{ customRules: [rules.toml] }'), 'p.yaml', registry)).toThrow(/a custom rules sha256 is 64 hex digits/);
  });
});
