import type { FindingPackage } from './finding.js';

/**
 * SARIF has no field for "the vulnerable package", so dependency scanners write it into message text.
 * These are the shapes the common ones use (from their SARIF templates and golden files):
 *  - Trivy:       "Package: libssl1.1\nInstalled Version: 1.1.1c-r0\n…\nFixed Version: 1.1.1d-r0"
 *  - Grype rules: "Package: package-1\nVersion: 1.1.1\nFix Version: the-next-version"
 *  - OSV-Scanner: "Package 'mine1@1.2.3' is vulnerable to 'GHSA-123'."
 *  - Grype:       "… reports package-1 at version 1.1.1 …"
 */
export interface PackageHints {
  package?: FindingPackage;
  fixedVersion?: string;
}

function line(text: string, label: string): string | undefined {
  const match = new RegExp(`^${label}:[ \\t]*(\\S[^\\r\\n]*)$`, 'm').exec(text);
  return match?.[1]?.trim();
}

export function packageHintsFrom(texts: Array<string | undefined>): PackageHints {
  for (const text of texts) {
    if (!text) continue;
    const labelled = line(text, 'Package');
    if (labelled) {
      const version = line(text, 'Installed Version') ?? line(text, 'Version');
      const fixed = line(text, 'Fixed Version') ?? line(text, 'Fix Version');
      const hints: PackageHints = { package: version ? { name: labelled, version } : { name: labelled } };
      if (fixed) hints.fixedVersion = fixed;
      return hints;
    }
    const osv = /Package '([^']+)' is vulnerable/.exec(text);
    if (osv?.[1]) {
      const spec = osv[1];
      const at = spec.lastIndexOf('@');
      return { package: at > 0 ? { name: spec.slice(0, at), version: spec.slice(at + 1) } : { name: spec } };
    }
    const grype = /reports (\S+) at version (\S+)/.exec(text);
    if (grype?.[1] && grype[2]) return { package: { name: grype[1], version: grype[2] } };
  }
  return {};
}
