import { readFileSync } from 'node:fs';
import { createMetrics } from '../../src/metrics/create-metrics.js';

interface Dashboard {
  panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
}

const dashboard = JSON.parse(readFileSync(new URL('../../config/grafana/donegate-dashboard.json', import.meta.url), 'utf8')) as Dashboard;

/** The metric families a query reads: histogram series (`_bucket`, `_count`, `_sum`) name their family. */
function familiesIn(expr: string): string[] {
  return [...expr.matchAll(/\bdonegate_[a-z_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, ''));
}

describe('the Grafana dashboard in config/grafana', () => {
  const registered = createMetrics({ processMetrics: false }).registry.getMetricsAsArray().map((metric) => metric.name);

  it.each(dashboard.panels.map((panel) => [panel.title, panel] as const))('queries only metrics donegate serves: %s', (_title, panel) => {
    const families = panel.targets.flatMap((target) => familiesIn(target.expr));
    expect(families.length).toBeGreaterThan(0);
    expect(families.filter((name) => !registered.includes(name))).toEqual([]);
  });

  it('draws every donegate metric in at least one panel', () => {
    const drawn = new Set(dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => familiesIn(target.expr))));
    expect(registered.filter((name) => !drawn.has(name))).toEqual([]);
  });
});
