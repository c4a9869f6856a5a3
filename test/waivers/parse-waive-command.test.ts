import { parseWaiveCommand } from '../../src/waivers/parse-waive-command.js';
import { isDonegateCommand } from '../../src/domain/index.js';

const KNOWN = ['pii-scan', 'dependency-audit', 'encrypted-artifact', 'secret-scan'];
const parse = (text: string) => parseWaiveCommand(text, KNOWN);
const problemOf = (text: string) => {
  const parsed = parse(text);
  if (parsed.ok) throw new Error(`expected a problem for ${text}`);
  return parsed.problem;
};

describe('isDonegateCommand', () => {
  it.each([
    ['/donegate waive pii-scan until 2026-01-01: x', true],
    ['  /DoneGate waive', true],
    ['/donegate', true],
    ['/donegates waive', false],
    ['please /donegate waive pii-scan', false],
    ['Masking job finished; report attached.', false],
  ])('reads %j as a command: %s', (text, expected) => {
    expect(isDonegateCommand(text)).toBe(expected);
  });
});

describe('parseWaiveCommand', () => {
  describe('when the command is well formed', () => {
    it('reads a whole-criterion waiver', () => {
      expect(parse('/donegate waive pii-scan until 2026-12-31: synthetic data only')).toEqual({
        ok: true,
        command: { criterion: 'pii-scan', advisories: [], until: '2026-12-31', reason: 'synthetic data only' },
      });
    });

    it('reads advisory ids between the criterion and "until"', () => {
      expect(parse('/donegate waive dependency-audit GHSA-p6mc-m468-83gw CVE-2024-1234 until 2026-12-31: build-time only')).toMatchObject({
        ok: true,
        command: { criterion: 'dependency-audit', advisories: ['GHSA-p6mc-m468-83gw', 'CVE-2024-1234'], until: '2026-12-31' },
      });
    });

    it('keeps a reason spanning lines, or mentioning "until", whole', () => {
      const parsed = parse('/donegate WAIVE Secret-Scan until 2026-12-31 : a test key,\nvalid until rotation');
      expect(parsed).toEqual({ ok: true, command: { criterion: 'secret-scan', advisories: [], until: '2026-12-31', reason: 'a test key,\nvalid until rotation' } });
    });
  });

  describe('when the command is malformed', () => {
    it.each([
      ['no sub-command', '/donegate', /command is missing/],
      ['an unknown sub-command', '/donegate approve pii-scan', /unknown command "approve"/],
      ['no "until"', '/donegate waive pii-scan: because', /"until YYYY-MM-DD" is missing/],
      ['no criterion', '/donegate waive until 2026-12-31: because', /criterion is missing/],
      ['an unknown criterion', '/donegate waive code-review until 2026-12-31: because', /unknown criterion "code-review"; known criteria: pii-scan/],
      ['an advisory id with odd characters', '/donegate waive dependency-audit <script> until 2026-12-31: because', /is not an advisory id/],
      ['a date in another format', '/donegate waive pii-scan until 31/12/2026: because', /must be written YYYY-MM-DD/],
      ['a date in words', '/donegate waive pii-scan until tomorrow: because', /must be written YYYY-MM-DD/],
      ['no date', '/donegate waive pii-scan until', /date after "until" is missing/],
      ['no colon before the reason', '/donegate waive pii-scan until 2026-12-31 because', /reason is missing/],
      ['an empty reason', '/donegate waive pii-scan until 2026-12-31:   ', /reason is missing/],
    ])('names the problem for %s', (_what, text, problem) => {
      expect(problemOf(text)).toMatch(problem);
    });

    it('quotes at most a short fragment of what was written', () => {
      const long = `x${'y'.repeat(200)}`;
      expect(problemOf(`/donegate waive ${long} until 2026-12-31: because`).length).toBeLessThan(150);
    });
  });
});
