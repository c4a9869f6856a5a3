import type { AuditLog } from '../../src/audit/audit-log.js';
import type { AuditEntry, AuditEvent } from '../../src/audit/audit-entry.js';
import { createMetrics } from '../../src/metrics/create-metrics.js';
import { countAuditAppends } from '../../src/service/count-audit-appends.js';
import { parsePrometheusText, sampleValue } from '../support/prometheus-text.js';

describe('countAuditAppends', () => {
  it('counts entries appended by event type, evidence by result and format, and not an entry the log declined', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const appended: AuditEvent[] = [];
    const log: AuditLog = {
      append(event) {
        appended.push(event);
        // Like a decision already in the log: nothing appended.
        return Promise.resolve(event.type === 'decision' ? undefined : ({ seq: appended.length } as unknown as AuditEntry));
      },
    };
    const audit = countAuditAppends(log, metrics);
    const event = (type: string, data: Record<string, unknown>) => ({ type, tracker: 'jira', ticket: 'ML-1', actor: 'ci', data }) as unknown as AuditEvent;

    await audit.append(event('evidence-accepted', { format: 'npm-audit' }));
    await audit.append(event('evidence-refused', { code: null }));
    await audit.append(event('decision', {}));

    expect(appended).toHaveLength(3);
    const samples = parsePrometheusText(await metrics.registry.metrics());
    expect(sampleValue(samples, 'donegate_audit_appends_total', { event: 'evidence-accepted' })).toBe(1);
    expect(sampleValue(samples, 'donegate_audit_appends_total', { event: 'decision' })).toBe(0);
    expect(sampleValue(samples, 'donegate_evidence_total', { result: 'accepted', format: 'npm-audit' })).toBe(1);
    expect(sampleValue(samples, 'donegate_evidence_total', { result: 'refused', format: 'unread' })).toBe(1);
  });
});
