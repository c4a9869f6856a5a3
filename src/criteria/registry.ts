import type { Criterion } from './criterion.js';
import { CRITERION_SCHEMAS, type CriterionId } from './criterion-options.js';
import { dependencyAudit } from './dependency-audit.js';
import { createEncryptedArtifact, type EncryptedArtifactDeps } from './encrypted-artifact.js';
import { createPiiScan, type PiiScanDeps } from './pii-scan.js';
import { createSecretScan } from './secret-scan.js';

export type CriterionRegistry = ReadonlyMap<string, Criterion>;

/** What criteria that check live systems need; without them those criteria report `error` when evaluated. */
export type CriterionDeps = EncryptedArtifactDeps & PiiScanDeps;

/** How each criterion of `CRITERION_SCHEMAS` is made: keyed by its ids, so none can be left out. */
const CREATE_CRITERION: { readonly [Id in CriterionId]: (deps: CriterionDeps) => Criterion } = {
  'pii-scan': createPiiScan,
  'dependency-audit': () => dependencyAudit,
  'encrypted-artifact': createEncryptedArtifact,
  'secret-scan': createSecretScan,
};

/** Every criterion a policy may require, by id, in the order of `CRITERION_SCHEMAS`. */
export function createCriterionRegistry(deps: CriterionDeps = {}): CriterionRegistry {
  const criteria = (Object.keys(CRITERION_SCHEMAS) as CriterionId[]).map((id) => CREATE_CRITERION[id](deps));
  // Keyed by each criterion's own id: the test of CRITERION_OPTIONS then catches a key that names another.
  return new Map(criteria.map((criterion) => [criterion.id, criterion]));
}
