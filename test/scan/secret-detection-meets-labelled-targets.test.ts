import { createDonegateFinder } from '../../bench/secrets-labelled/donegate-finder.js';
import { evaluateSecrets, totalScore } from '../../bench/secrets-labelled/evaluate-secrets.js';
import { buildLabelledSecrets, DEFAULT_SEED } from '../../bench/secrets-labelled/labelled-secrets.js';

// Issue 14's targets on the labelled secrets set (bench:secrets prints the table): recall ≥ 0.9 for every family,
// false alarms ≤ 5% of the near-miss and documentation negatives. The tuning seed and one the rules never saw.
describe.each([DEFAULT_SEED, 99])('the labelled secrets set built from seed %i', (seed) => {
  it('finds at least 9 in 10 secrets of every family and alarms on at most 5% of the near-misses', async () => {
    const scores = await evaluateSecrets(buildLabelledSecrets(seed), createDonegateFinder());
    expect(scores.filter((score) => score.recall < 0.9).map(({ family, recall }) => `${family}: ${recall.toFixed(2)}`)).toEqual([]);
    expect(scores.length).toBeGreaterThanOrEqual(30);
    expect(totalScore(scores).falseAlarmRate).toBeLessThanOrEqual(0.05);
  });
});
