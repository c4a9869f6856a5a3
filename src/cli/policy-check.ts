import { createCriterionRegistry } from '../criteria/registry.js';
import { loadPolicyFile, PolicyError } from '../policy/load-policy.js';

/** `donegate policy check FILE`: 0 when the policy is valid, 1 with each problem (rule, key, line) when not. */
export async function policyCheck(file: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  try {
    const policy = await loadPolicyFile(file, createCriterionRegistry());
    const criteria = new Set(policy.rules.flatMap((rule) => rule.require.map((r) => r.criterion)));
    out.write(`${file}: valid — ${policy.rules.length} rule(s) (${policy.rules.map((r) => `${r.name}: ${r.mode}`).join(', ')}); criteria: ${[...criteria].join(', ')}; sha256 ${policy.hash}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PolicyError) {
      err.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
