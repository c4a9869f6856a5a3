import { evidenceAndDecisions } from './001-evidence-and-decisions.js';
import { apiTokens } from './002-api-tokens.js';
import { waivers } from './003-waivers.js';
import { auditLog } from './004-audit-log.js';
import { auditDecisionOnce } from './005-audit-decision-once.js';
import { evidenceProvenance } from './006-evidence-provenance.js';
import { installationSecrets } from './007-installation-secrets.js';
import { appendOnlyRecords } from './008-append-only-records.js';
import { auditCheckpoints } from './009-audit-checkpoints.js';
import { waiverSourceByShape } from './010-waiver-source-by-shape.js';
import { waiverRevocations } from './011-waiver-revocations.js';
import { evidenceIdempotencyKeys } from './012-evidence-idempotency-keys.js';
import { viewerRole } from './013-viewer-role.js';
import { uiSignIn } from './014-ui-sign-in.js';
import { decisionTicketSnapshot } from './015-decision-ticket-snapshot.js';
import { notifications } from './016-notifications.js';
import { waiverFromUi } from './017-waiver-from-ui.js';
import type { Migration } from './migration.js';

/** Every migration, in the order applied. One file per migration, named after its id. */
export const MIGRATIONS: readonly Migration[] = [evidenceAndDecisions, apiTokens, waivers, auditLog, auditDecisionOnce, evidenceProvenance, installationSecrets, appendOnlyRecords, auditCheckpoints, waiverSourceByShape, waiverRevocations, evidenceIdempotencyKeys, viewerRole, uiSignIn, decisionTicketSnapshot, notifications, waiverFromUi];
