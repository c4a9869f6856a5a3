import { createDefaultDetectors } from '../../src/scan/index.js';
import { findCandidates } from '../../src/scan/find-candidates.js';

const detectors = createDefaultDetectors({ defaultCountry: 'US' });
const summary = (found: ReturnType<typeof findCandidates>) =>
  Array.from(found, (line) => (line ?? []).map(({ detector, value, start }) => `${detector.id}@${start}:${value}`).sort());

describe('findCandidates over a batch of lines', () => {
  const lines = [
    'id,email,card,note',
    '1,jane.doe@acme-corp.co.uk,4532015112830366,call (415) 555-2671 x12',
    'password =',
    '  Zq8vLm2Rt5Xw9Kp3Ns7Y',
    'api_key: "Zq8vLm2Rt5Xw9Kp3Ns7Y" and 2001:4860:4860::8888 and 8.8.8.8',
    '',
    'ssn 536-22-1234, iban GB82WEST12345698765432',
    'token:',
    'Zq8vLm2Rt5Xw9Kp3Ns7Yabc',
  ];

  it('finds per line exactly what matching each line alone finds', () => {
    const alone = lines.map((line) => findCandidates([line], detectors)[0]);
    expect(summary(findCandidates(lines, detectors))).toEqual(summary(alone));
  });

  it('never joins a secret name on one line to a value on the next', () => {
    const found = findCandidates(lines, detectors);
    expect((found[3] ?? []).map((candidate) => candidate.detector.id)).not.toContain('generic-secret');
    expect((found[2] ?? []).map((candidate) => candidate.detector.id)).not.toContain('generic-secret');
    expect((found[4] ?? []).map((candidate) => candidate.detector.id)).toContain('generic-secret');
  });
});
