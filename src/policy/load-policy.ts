import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Policy, PolicyRule } from './policy.js';
import { policyFileSchema, requirementFromSchema, type PolicyFile, type RequirementFrom } from './policy-schema.js';

/**
 * What the policy needs to know of the criteria: their ids and option schemas. The criteria registry
 * fits; the policy does not import it, because criteria read the policy's types.
 */
export type KnownCriteria = ReadonlyMap<string, { optionsSchema: z.ZodType }>;

export interface PolicyProblem {
  line?: number;
  rule?: string;
  path: string;
  message: string;
}

/** A policy that cannot be used. Each problem names the rule, the key and the line. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  constructor(
    readonly source: string,
    readonly problems: PolicyProblem[],
  ) {
    super(`${source}: invalid policy\n${problems.map((p) => `  - ${formatProblem(source, p)}`).join('\n')}`);
  }
}

export function formatProblem(source: string, problem: PolicyProblem): string {
  const where = problem.line !== undefined ? `${source}:${problem.line}` : source;
  const rule = problem.rule !== undefined ? `rule "${problem.rule}", ` : '';
  return `${where}: ${rule}${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}

export async function loadPolicyFile(file: string, registry: KnownCriteria): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    throw new PolicyError(file, [{ path: '', message: `${reason} (set POLICY_FILE to the policy's path)` }]);
  }
  return parsePolicy(text, file, registry);
}

/** Parse and validate policy text: YAML syntax, then the file schema, then each criterion's options. */
export function parsePolicy(text: string, source: string, registry: KnownCriteria): Policy {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (path: readonly PropertyKey[]) => lineOfPath(doc, lineCounter, path);

  if (doc.errors.length > 0) {
    throw new PolicyError(
      source,
      doc.errors.map((e) => ({ line: lineCounter.linePos(e.pos[0]).line, path: '', message: `YAML syntax: ${e.message.split('\n')[0]}` })),
    );
  }
  const raw: unknown = doc.toJS();
  const parsed = policyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const file = raw as Partial<PolicyFile> | null;
    throw new PolicyError(
      source,
      parsed.error.issues.map((issue) => ({
        line: lineOf(issue.path),
        ...ruleNameAt(file, issue.path),
        path: formatPath(issue.path),
        message: issue.message,
      })),
    );
  }

  const problems: PolicyProblem[] = [];
  const rules: PolicyRule[] = parsed.data.rules.map((rule, ruleIndex) => ({
    name: rule.name,
    match: rule.match,
    mode: rule.mode,
    require: rule.require.flatMap((entry, reqIndex) => {
      const [criterion, rawOptions] = typeof entry === 'string' ? [entry, undefined] : Object.entries(entry)[0]!;
      const basePath = ['rules', ruleIndex, 'require', reqIndex];
      const known = registry.get(criterion);
      if (!known) {
        problems.push({
          line: lineOf(basePath),
          rule: rule.name,
          path: formatPath(basePath),
          message: `unknown criterion "${criterion}"; known criteria: ${[...registry.keys()].join(', ')}`,
        });
        return [];
      }
      const { from, criterionOptions } = splitFrom(rawOptions);
      if (from !== undefined && !from.success) {
        const path = [...basePath, criterion, 'from'];
        problems.push({ line: lineOf(path), rule: rule.name, path: formatPath(path), message: from.error.issues[0]?.message ?? 'invalid from' });
        return [];
      }
      const options = known.optionsSchema.safeParse(criterionOptions ?? {});
      if (!options.success) {
        for (const issue of options.error.issues) {
          const path = typeof entry === 'string' ? basePath : [...basePath, criterion, ...issue.path];
          problems.push({ line: lineOf(path), rule: rule.name, path: formatPath(path), message: issue.message });
        }
        return [];
      }
      return [{ criterion, options: options.data, ...(from ? { from: from.data } : {}) }];
    }),
  }));
  const seen = new Set<string>();
  parsed.data.rules.forEach((rule, index) => {
    if (seen.has(rule.name)) {
      problems.push({ line: lineOf(['rules', index, 'name']), rule: rule.name, path: `rules[${index}].name`, message: 'duplicate rule name' });
    }
    seen.add(rule.name);
  });
  if (problems.length > 0) throw new PolicyError(source, problems);

  return { version: 1, rules, waivers: parsed.data.waivers, evidence: parsed.data.evidence, notifications: parsed.data.notifications, hash: createHash('sha256').update(text).digest('hex'), source };
}

/**
 * `from` is a key every requirement may carry (it says whose evidence counts, not how to judge it), so it
 * is taken out before the criterion's own strict options schema sees the rest.
 */
function splitFrom(rawOptions: unknown): { from?: z.ZodSafeParseResult<RequirementFrom>; criterionOptions: unknown } {
  if (typeof rawOptions !== 'object' || rawOptions === null || Array.isArray(rawOptions) || !('from' in rawOptions)) return { criterionOptions: rawOptions };
  const { from, ...rest } = rawOptions as { from: unknown };
  return { from: requirementFromSchema.safeParse(from), criterionOptions: rest };
}

function ruleNameAt(file: Partial<PolicyFile> | null, path: readonly PropertyKey[]): { rule?: string } {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return {};
  const name = file?.rules?.[path[1]]?.name;
  return typeof name === 'string' ? { rule: name } : {};
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** The 1-based line of the deepest node that exists along `path` (a missing key points at its parent). */
function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}
