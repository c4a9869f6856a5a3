import { CRITERION_OPTIONS } from '../criteria/criterion-options.js';
import { loadPolicyFile, PolicyError } from '../policy/load-policy.js';

/**
 * `donegate policy check FILE`: 0 when the policy is valid, 1 with each problem (rule, key, line) when not.
 * Checked against the criteria's option schemas alone, so the report parsers and scan readers do not load.
 */
export async function policyCheck(file: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  try {
    const policy = await loadPolicyFile(file, CRITERION_OPTIONS);
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
