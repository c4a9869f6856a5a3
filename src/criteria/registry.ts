import type { Criterion } from './criterion.js';
import { dependencyAudit } from './dependency-audit.js';
import { createEncryptedArtifact, type EncryptedArtifactDeps } from './encrypted-artifact.js';
import { createPiiScan, type PiiScanDeps } from './pii-scan.js';
import { createSecretScan } from './secret-scan.js';

export type CriterionRegistry = ReadonlyMap<string, Criterion>;

/** What criteria that check live systems need; without them those criteria report `error` when evaluated. */
export type CriterionDeps = EncryptedArtifactDeps & PiiScanDeps;

/** Every criterion a policy may require, by id. Adding a criterion touches only this list. */
export function createCriterionRegistry(deps: CriterionDeps = {}): CriterionRegistry {
  const criteria: Criterion[] = [createPiiScan(deps), dependencyAudit, createEncryptedArtifact(deps), createSecretScan(deps)];
  return new Map(criteria.map((criterion) => [criterion.id, criterion]));
}
