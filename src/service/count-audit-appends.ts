import type { AuditLog } from '../audit/audit-log.js';
import type { Metrics } from '../metrics/create-metrics.js';

/** The audit log, counting each entry it appends by event type, and the evidence accepted or refused by format. */
export function countAuditAppends(audit: AuditLog, metrics: Pick<Metrics, 'auditAppends' | 'evidence'>): AuditLog {
  return {
    async append(event) {
      const entry = await audit.append(event);
      if (entry === undefined) return entry;
      metrics.auditAppends.inc({ event: event.type });
      if (event.type === 'evidence-accepted') {
        const format = (event.data as { format?: unknown }).format;
        metrics.evidence.inc({ result: 'accepted', format: typeof format === 'string' ? format : 'unknown' });
      } else if (event.type === 'evidence-refused') {
        metrics.evidence.inc({ result: 'refused', format: 'unread' });
      }
      return entry;
    },
  };
}
