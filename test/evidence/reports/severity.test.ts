import { atOrAbove, severityFromCvssScore } from '../../../src/evidence/reports/index.js';
import { cvssV3BaseScore } from '../../../src/evidence/reports/cvss-v3.js';
import { severityFromSarifLevel, severityFromWord } from '../../../src/evidence/reports/severity.js';

describe('atOrAbove', () => {
  it.each([
    ['critical', 'high', true],
    ['high', 'high', true],
    ['moderate', 'high', false],
    ['low', 'info', true],
    ['info', 'low', false],
  ] as const)('%s at or above %s is %s', (severity, threshold, expected) => {
    expect(atOrAbove(severity, threshold)).toBe(expected);
  });

  it('never lets an unknown severity pass a known threshold, nor a known one pass an unknown threshold', () => {
    expect(atOrAbove('unknown', 'low')).toBe(false);
    expect(atOrAbove('critical', 'unknown')).toBe(false);
    expect(atOrAbove('unknown', 'unknown')).toBe(true);
  });
});

describe('severity vocabularies', () => {
  it('maps Trivy, Grype, npm and GitHub words, with negligible below low', () => {
    expect(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'].map(severityFromWord)).toEqual(['critical', 'high', 'moderate', 'low', 'unknown']);
    expect(['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown'].map(severityFromWord)).toEqual(['critical', 'high', 'moderate', 'low', 'info', 'unknown']);
    expect(['critical', 'high', 'moderate', 'low', 'info'].map(severityFromWord)).toEqual(['critical', 'high', 'moderate', 'low', 'info']);
  });

  it('bands CVSS v3 scores at 9.0, 7.0, 4.0 and 0.1', () => {
    expect([10, 9, 8.9, 7, 6.9, 4, 3.9, 0.1, 0].map(severityFromCvssScore)).toEqual([
      'critical', 'critical', 'high', 'high', 'moderate', 'moderate', 'low', 'low', 'info',
    ]);
    expect(severityFromCvssScore(Number.NaN)).toBe('unknown');
    expect(severityFromCvssScore(11)).toBe('unknown');
  });

  it('maps SARIF levels error/warning/note/none to high/moderate/low/info', () => {
    expect(['error', 'warning', 'note', 'none', 'bogus'].map(severityFromSarifLevel)).toEqual(['high', 'moderate', 'low', 'info', undefined]);
  });
});

describe('cvssV3BaseScore', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N', 3.3],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
  ])('scores %s as %s, as the FIRST calculator does', (vector, score) => {
    expect(cvssV3BaseScore(vector)).toBe(score);
  });

  it('declines v2, v4 and incomplete vectors rather than guessing', () => {
    expect(cvssV3BaseScore('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBeUndefined();
    expect(cvssV3BaseScore('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toBeUndefined();
    expect(cvssV3BaseScore('CVSS:3.1/AV:N/AC:L')).toBeUndefined();
  });
});
