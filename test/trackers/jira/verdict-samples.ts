import type { VerdictComment, VerdictProperty } from '../../../src/domain/index.js';

export const blockedVerdict: VerdictComment = {
  status: 'fail',
  mode: 'block',
  headline: 'Moved back to In Progress: 1 of 2 security criteria are not met.',
  criteria: [
    { criterion: 'pii-scan', status: 'pass', reason: 'no personal data found in 3 files' },
    {
      criterion: 'dependency-audit',
      status: 'fail',
      reason: '2 high findings',
      fix: 'donegate evidence submit --ticket ML-1 --kind dependency-audit npm-audit.json',
      details: ['lodash 4.17.20: prototype pollution (https://github.com/advisories/GHSA-35jh-r3h4-6jhm)'],
    },
  ],
  notes: ['Policy rule ml-models requires these checks for project ML.'],
  footer: 'rule ml-models · policy v1 · 2024-05-01T10:00:00Z',
};

export const passingVerdict: VerdictComment = {
  ...blockedVerdict,
  status: 'pass',
  headline: 'All security criteria are met.',
  criteria: blockedVerdict.criteria.map((c) => ({ criterion: c.criterion, status: 'pass', reason: 'evidence found' })),
  notes: [],
};

export const verdictProperty: VerdictProperty = {
  status: 'fail',
  rule: 'ml-models',
  mode: 'block',
  criteria: [{ criterion: 'dependency-audit', status: 'fail', reason: '2 high findings' }],
  evaluatedAt: '2024-05-01T10:00:00Z',
};
