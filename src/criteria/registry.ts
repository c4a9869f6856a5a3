import type { Criterion } from './criterion.js';
import { dependencyAudit } from './dependency-audit.js';
import { encryptedArtifact } from './encrypted-artifact.js';
import { piiScan } from './pii-scan.js';
import { secretScan } from './secret-scan.js';

export type CriterionRegistry = ReadonlyMap<string, Criterion>;

export const BUILT_IN_CRITERIA: readonly Criterion[] = [piiScan, dependencyAudit, encryptedArtifact, secretScan];

/** Every criterion a policy may require, by id. Adding a criterion touches only this list. */
export function createCriterionRegistry(criteria: readonly Criterion[] = BUILT_IN_CRITERIA): CriterionRegistry {
  return new Map(criteria.map((criterion) => [criterion.id, criterion]));
}
