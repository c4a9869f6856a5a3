import { createMetrics } from '../../src/metrics/create-metrics.js';
import { deliveryOutcome } from '../../src/metrics/delivery-outcome.js';
import { parsePrometheusText, sampleValue } from '../support/prometheus-text.js';

describe('createMetrics', () => {
  it('writes Prometheus text that parses, with every donegate series described', async () => {
    const metrics = createMetrics();
    metrics.deliveries.inc({ tracker: 'jira', outcome: 'accepted', status: '202' });
    metrics.decisions.inc({ outcome: 'fail', rule: 'ml-models' });
    metrics.jobDuration.observe({ job: 'decide-transition', result: 'completed' }, 0.2);
    metrics.queueWait.observe({ job: 'decide-transition' }, 0.01);
    metrics.auditAppends.inc({ event: 'decision' });
    const text = await metrics.registry.metrics();

    const samples = parsePrometheusText(text);
    expect(sampleValue(samples, 'donegate_webhook_deliveries_total', { tracker: 'jira', outcome: 'accepted', status: '202' })).toBe(1);
    expect(sampleValue(samples, 'donegate_decisions_total', { outcome: 'fail', rule: 'ml-models' })).toBe(1);
    expect(sampleValue(samples, 'donegate_job_duration_seconds_count', { job: 'decide-transition' })).toBe(1);
    expect(sampleValue(samples, 'donegate_job_queue_wait_seconds_bucket', { job: 'decide-transition', le: '0.01' })).toBe(1);
    expect(sampleValue(samples, 'donegate_audit_appends_total', { event: 'decision' })).toBe(1);
    expect(text).toContain('# TYPE donegate_process_cpu_user_seconds_total counter');
  });

  it('gives each call its own registry, so one service counting leaves another at zero', async () => {
    const first = createMetrics({ processMetrics: false });
    const second = createMetrics({ processMetrics: false });
    first.auditAppends.inc({ event: 'decision' });

    expect(sampleValue(parsePrometheusText(await first.registry.metrics()), 'donegate_audit_appends_total')).toBe(1);
    expect(sampleValue(parsePrometheusText(await second.registry.metrics()), 'donegate_audit_appends_total')).toBe(0);
  });

  it('reads the queue depth at each scrape, and a queue it cannot read leaves the gauge empty', async () => {
    const metrics = createMetrics({ processMetrics: false });
    let waiting = 3;
    let reachable = true;
    metrics.watchQueue(() => (reachable ? Promise.resolve({ waiting, active: 1 }) : Promise.reject(new Error('redis down'))));

    expect(sampleValue(parsePrometheusText(await metrics.registry.metrics()), 'donegate_queue_jobs', { state: 'waiting' })).toBe(3);
    waiting = 0;
    expect(sampleValue(parsePrometheusText(await metrics.registry.metrics()), 'donegate_queue_jobs', { state: 'waiting' })).toBe(0);
    reachable = false;
    expect(parsePrometheusText(await metrics.registry.metrics()).filter((s) => s.name === 'donegate_queue_jobs')).toEqual([]);
  });

  it('reads the audit checkpoint age at each scrape, with no sample before the first checkpoint', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const checkpoint: { latest?: { keyId: string; ageSeconds: number } } = {};
    metrics.watchCheckpointAge(() => Promise.resolve(checkpoint.latest));
    const ageSamples = async () => parsePrometheusText(await metrics.registry.metrics()).filter((s) => s.name === 'donegate_audit_checkpoint_age_seconds');

    expect(await ageSamples()).toEqual([]);
    checkpoint.latest = { keyId: '0123456789abcdef', ageSeconds: 42 };
    expect(await ageSamples()).toEqual([{ name: 'donegate_audit_checkpoint_age_seconds', labels: { key_id: '0123456789abcdef' }, value: 42 }]);
  });
});

describe('deliveryOutcome', () => {
  it.each([
    ['accepted', 202, 'accepted'],
    ['duplicate', 200, 'duplicate'],
    ['ignored:not-done', 202, 'ignored'],
    ['ignored:stale-delivery', 200, 'ignored'],
    ['signature-invalid', 401, 'refused'],
    [undefined, 415, 'refused'],
    [undefined, 503, 'refused'],
  ] as const)('counts %s answered %i as %s', (logged, status, outcome) => {
    expect(deliveryOutcome(logged, status)).toBe(outcome);
  });
});
