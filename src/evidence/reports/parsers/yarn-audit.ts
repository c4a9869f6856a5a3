/**
 * `yarn audit --json` (Yarn 1) and `yarn npm audit --json` (Yarn 2+) write JSON Lines, one object per line.
 * Both carry npm's version 1 advisories in other wrappers, so they are unwrapped into that shape and read
 * by the same parser.
 *
 * Yarn 1 (classic): `{"type":"auditAdvisory","data":{"resolution":{…},"advisory":{…}}}` once per path to a
 * vulnerable package, then `{"type":"auditSummary","data":{"vulnerabilities":{…}}}`.
 * Yarn 2+ (berry, plugin-npm-cli's audit tree): `{"value":"lodash","children":{"ID":…,"Issue":…,"URL":…,
 * "Severity":…,"Vulnerable Versions":…,"Tree Versions":[…],"Dependents":[…]}}` per package and advisory.
 */

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const YARN_CLASSIC_TYPES = new Set(['auditAdvisory', 'auditSummary', 'auditAction', 'activityStart', 'activityTick', 'activityEnd', 'info', 'warning']);

export function isYarnClassicLine(line: unknown): boolean {
  return isRecord(line) && typeof line.type === 'string' && YARN_CLASSIC_TYPES.has(line.type) && 'data' in line;
}

export function isYarnBerryLine(line: unknown): boolean {
  return isRecord(line) && typeof line.value === 'string' && isRecord(line.children) && 'Severity' in line.children;
}

/** Yarn 1 lines → `{ advisories }`, each advisory once however many paths lead to it. */
export function yarnClassicToV1(lines: readonly unknown[]): { advisories: Record<string, unknown> } {
  const advisories: Record<string, unknown> = {};
  for (const line of lines) {
    if (!isRecord(line) || line.type !== 'auditAdvisory' || !isRecord(line.data) || !isRecord(line.data.advisory)) continue;
    const advisory = line.data.advisory;
    const key = String(advisory.id ?? advisory.github_advisory_id ?? advisory.url ?? Object.keys(advisories).length);
    advisories[key] ??= advisory;
  }
  return { advisories };
}

/** Yarn 2+ lines → `{ advisories }`, renaming the tree's labels to npm's advisory fields. */
export function yarnBerryToV1(lines: readonly unknown[]): { advisories: Record<string, unknown> } {
  const advisories: Record<string, unknown> = {};
  lines.forEach((line, index) => {
    if (!isRecord(line) || !isRecord(line.children)) return;
    const children = line.children;
    const versions = Array.isArray(children['Tree Versions']) ? children['Tree Versions'] : [];
    advisories[`${String(line.value)}/${String(children.ID ?? index)}`] = {
      id: children.ID,
      module_name: line.value,
      severity: children.Severity,
      title: children.Issue,
      url: children.URL,
      vulnerable_versions: children['Vulnerable Versions'],
      findings: versions.filter((version): version is string => typeof version === 'string').map((version) => ({ version })),
    };
  });
  return { advisories };
}
