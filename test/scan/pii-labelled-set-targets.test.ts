import { PII_TARGET, PII_TYPES, scoreLabelledSet } from '../../bench/pii-labelled/score-labelled-set.js';
import { createDefaultDetectors } from '../../src/scan/index.js';

describe('the labelled PII set (bench/pii-labelled)', () => {
  const report = scoreLabelledSet(createDefaultDetectors({ defaultCountry: 'US' }));

  it.each(PII_TYPES)('finds %s with precision and recall of at least 0.98', (type) => {
    const score = report.byType.find((entry) => entry.type === type);
    expect(score?.raw.labels).toBeGreaterThan(30);
    expect(score?.raw.precision).toBeGreaterThanOrEqual(PII_TARGET);
    expect(score?.raw.recall).toBeGreaterThanOrEqual(PII_TARGET);
  });
});
