import type { Migration } from './migration.js';

/**
 * One `decision` entry per delivery (per tracker): a job retried after its decision was recorded appends
 * the decision entry only if the first attempt could not, so the trail has each check exactly once.
 */
export const auditDecisionOnce: Migration = {
  id: 5,
  name: 'audit log: one decision entry per delivery',
  sql: `
    CREATE UNIQUE INDEX audit_log_decision_once ON audit_log ((data->>'deliveryId'), tracker) WHERE type = 'decision';
  `,
};
