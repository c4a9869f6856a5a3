import { COMMENT_MARKER, type VerdictComment } from '../../../../src/domain/index.js';
import { verdictToMarkdown } from '../../../../src/trackers/render/markdown/verdict-to-markdown.js';

const verdict: VerdictComment = {
  status: 'fail',
  mode: 'block',
  headline: 'Moved back to In Progress: pii-scan has no evidence.',
  criteria: [
    { criterion: 'pii-scan', status: 'fail', reason: 'no evidence', fix: 'donegate evidence submit --tracker linear --ticket AI-7 --criterion pii-scan pii.json', details: ['dataset s3://raw/customers'] },
    { criterion: 'dependency-audit', status: 'pass', reason: '0 high findings' },
    { criterion: 'encrypted-artifact', status: 'error', reason: 'S3 could not be reached', fix: 'check `aws sts get-caller-identity`' },
  ],
  notes: ['no workflow transition leads back to In Progress'],
  footer: 'rule ml-models · policy v1 · 2026-01-01T00:00:00Z',
};

describe('verdictToMarkdown', () => {
  it('starts with a heading that carries the marker and the overall status', () => {
    const firstLine = verdictToMarkdown(verdict).split('\n')[0];

    expect(firstLine).toBe(`### ❌ ${COMMENT_MARKER}`);
  });

  it('lists each criterion with its icon, its id verbatim in backticks and its reason', () => {
    const markdown = verdictToMarkdown(verdict);

    expect(markdown).toContain('- ❌ `pii-scan` — no evidence');
    expect(markdown).toContain('- ✅ `dependency-audit` — 0 high findings');
    expect(markdown).toContain('- ❌ `encrypted-artifact` — S3 could not be reached');
  });

  it('puts a bare donegate command in backticks and keeps fixes that already have them', () => {
    const markdown = verdictToMarkdown(verdict);

    expect(markdown).toContain('  - Fix: `donegate evidence submit --tracker linear --ticket AI-7 --criterion pii-scan pii.json`');
    expect(markdown).toContain('  - Fix: check `aws sts get-caller-identity`');
    // A URL outside the advisory allow-list is shown as code, so it is readable but not a link.
    expect(markdown).toContain('  - dataset `s3://raw/customers`');
  });

  it('keeps backticked spans in a reason as code and escapes the Markdown around them', () => {
    const markdown = verdictToMarkdown({
      ...verdict,
      criteria: [{ criterion: 'pii-scan', status: 'pass', reason: 'submitted by token `ci-pipeline` (ci) for *all* [files]' }],
    });

    expect(markdown).toContain('- ✅ `pii-scan` — submitted by token `ci-pipeline` (ci) for \\*all\\* \\[files]');
  });

  it('shows failures as warnings in warn mode, since the ticket stays Done', () => {
    const markdown = verdictToMarkdown({ ...verdict, mode: 'warn' });

    expect(markdown.split('\n')[0]).toBe(`### ⚠️ ${COMMENT_MARKER}`);
    expect(markdown).toContain('- ⚠️ `pii-scan`');
    expect(markdown).toContain('- ✅ `dependency-audit`');
  });

  it('ends with the notes, then the footer', () => {
    const markdown = verdictToMarkdown(verdict);

    expect(markdown).toContain('> no workflow transition leads back to In Progress');
    expect(markdown.endsWith('<sub>rule ml-models · policy v1 · 2026-01-01T00:00:00Z</sub>')).toBe(true);
  });
});
