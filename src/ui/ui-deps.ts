import type { AuditLog } from '../audit/audit-log.js';
import type { ActorNames } from '../audit/export-html.js';
import type { CriterionRegistry } from '../criteria/registry.js';
import type { DecisionRepository } from '../decisions/decision-repository.js';
import type { Logger } from '../logging/logger.js';
import type { Policy } from '../policy/policy.js';
import type { EnqueueReevaluation } from '../queue/enqueue-reevaluation.js';
import type { Database } from '../store/database.js';
import type { WaiverRepository } from '../waivers/waiver-repository.js';
import type { UiAuthDeps } from './auth/require-ui-principal.js';
import type { SignInDeps } from './auth/sign-in-deps.js';

/** What the pages under /ui read and write: the same stores and audit log as the API. */
export interface UiDeps extends UiAuthDeps {
  db: Database;
  decisions: DecisionRepository;
  waivers: WaiverRepository;
  registry: CriterionRegistry;
  policy: () => Policy;
  enqueueReevaluation: EnqueueReevaluation;
  audit: AuditLog;
  log: Logger;
  now?: () => Date;
  /** People's names for the audit page (from the trackers, cached); absent: account ids alone. */
  actorNames?: ActorNames;
  /** The sign-in, link and sign-out pages; absent → none (pages then take API tokens only). */
  signIn?: SignInDeps;
}
