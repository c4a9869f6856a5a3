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

  it("passes a marker detector's prefilter only on text that holds one of its markers", () => {
    const secrets = [
      'sk-proj-Zq8vLm2Rt5Xw9Kp3Ns7YZq8vLm2Rt5Xw9Kp3Ns7Y', 'sk-ant-api03-Zq8vLm2Rt5Xw9Kp3Ns7YZq8vLm2Rt5Xw9Kp3Ns7Y', 'hf_ZqvLmRtXwKpNsYZqvLmRtXwKpNsYZqvLmRt',
      'AKIAZ7VRSQ5JCPQGLX3Y', 'ASIAZ7VRSQ5JCPQGLX3Y', 'AIzaSyZq8vLm2Rt5Xw9Kp3Ns7YZq8vLm2Rt5Xw9K', 'ghp_1234567890abcdefghijABCDEFGHIJ123456',
      'github_pat_11ABCDEFG', 'glpat-Zq8vLm2Rt5Xw9Kp3Ns7Y', 'xoxb-123456-abcdefgh', 'https://hooks.slack.com/services/T0/B0/x',
      'sk_live_Zq8vLm2Rt5Xw9Kp3Ns7YZq8v', 'rk_test_Zq8vLm2Rt5Xw9Kp3Ns7YZq8v', '-----BEGIN PRIVATE KEY-----', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.x',
      'npm_Zq8vLm2Rt5Xw9Kp3Ns7Y', 'SG.Zq8vLm2Rt5Xw9Kp3Ns7Y', 'shpat_0a1b2c3d', 'gsk_Zq8vLm2R', 'lin_api_Zq8vLm2R', 'ntn_0123456', 'glc_Zq8vLm2R',
      'ops_eyZq8v', 'hvs.Zq8vLm2R', 'vcp_Zq8vLm2R', 'dapi0a1b2c3d', 'dckr_pat_Zq8v', 'figd_Zq8v', 'cfk_Zq8v', 'tskey-auth-Zq8v', 'gldt-Zq8vLm2R',
      'pypi-AgEIcHlwaS5vcmcZq8v', 'SK0a1b2c3d', 'key-0a1b2c3d', 'AccountKey=Zq8v', 'abc8Q~Zq8v',
    ];
    const marked = detectors.filter((detector) => detector.markers !== undefined);
    expect(marked.length).toBeGreaterThan(10);
    for (const text of [...secrets, ...lines]) {
      for (const detector of marked) {
        if (detector.prefilter(text)) expect(detector.markers?.some((marker) => text.includes(marker))).toBe(true);
      }
    }
    for (const detector of marked) expect(secrets.some((text) => detector.prefilter(text))).toBe(true);
  });

  it('finds a marker detector\'s value in a batch whose other lines hold no marker', () => {
    const batch = ['plain text 12345', 'key AKIAZ7VRSQ5JCPQGLX3Y here', 'more plain text'];
    expect(summary(findCandidates(batch, detectors))[1]).toContain('aws-access-key-id@4:AKIAZ7VRSQ5JCPQGLX3Y');
  });
});
