import { submitCommand } from './evidence-hint.js';
import { defineScanCriterion } from './define-scan-criterion.js';
import type { ScanEvidenceDeps } from './scan-parse-evidence.js';

/** Code and notebooks scanned for secrets; `deps.fingerprintKey` keys the fingerprints of gitleaks and TruffleHog findings. */
export function createSecretScan(deps: ScanEvidenceDeps = {}) {
  return defineScanCriterion(
    {
      spec: { criterion: 'secret-scan', kind: 'secret', formats: ['donegate-scan', 'gitleaks-json', 'gitleaks-sarif', 'trufflehog-json', 'dataset-manifest'] },
      title: 'Code and notebooks scanned for hardcoded secrets',
      fix: (ticket) =>
        `scan the code and notebooks and submit the report: \`donegate scan . --submit --tracker ${ticket.tracker} --ticket ${ticket.key}\` (or gitleaks: \`${submitCommand(ticket, 'secret-scan', 'gitleaks.json')}\`)`,
    },
    deps,
  );
}

/** secret-scan with this process's own fingerprint key (policy checks, tests of uploaded evidence). */
export const secretScan = createSecretScan();
