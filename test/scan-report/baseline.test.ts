import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyBaseline, BaselineError, parseBaseline, readBaseline, REASON_PLACEHOLDER, serialiseBaseline } from '../../src/scan-report/index.js';
import { FIXTURE_FINDINGS, RAW_VALUES, scanReport } from './scan-report-fixture.js';

describe('baseline', () => {
  it.each(['baseline.yaml', 'baseline.json'])('round trips through %s: written with placeholders, accepted once the reasons are filled in', async (name) => {
    const folder = await mkdtemp(join(tmpdir(), 'donegate-baseline-'));
    const file = join(folder, name);
    const written = serialiseBaseline(FIXTURE_FINDINGS.slice(0, 2), file);
    for (const raw of RAW_VALUES) expect(written).not.toContain(raw);
    await writeFile(file, written);
    await expect(readBaseline(file)).rejects.toThrow(/write the reason for 2 accepted finding\(s\)/);

    await writeFile(file, (await readFile(file, 'utf8')).replaceAll(REASON_PLACEHOLDER, 'synthetic test data'));
    const baseline = await readBaseline(file);
    expect(baseline.map((e) => e.fingerprint)).toEqual([FIXTURE_FINDINGS[0]!.fingerprint, FIXTURE_FINDINGS[1]!.fingerprint]);

    const applied = applyBaseline(scanReport(), baseline);
    expect(applied.baselined).toBe(2);
    expect(applied.findings.map((f) => f.detector)).toEqual(['iban', 'aws-access-key-id']);
    expect(applied.summary).toMatchObject({ byDetector: { iban: 1, 'aws-access-key-id': 1 }, pii: 1, secrets: 1 });
  });

  it('keeps existing entries and their reasons when written again', () => {
    const existing = [{ fingerprint: FIXTURE_FINDINGS[0]!.fingerprint, reason: 'fake user' }];
    const entries = parseBaseline(serialiseBaseline(FIXTURE_FINDINGS.slice(0, 2), 'b.json', existing).replace(REASON_PLACEHOLDER, 'test card'), 'b.json');
    expect(entries.map((e) => e.reason)).toEqual(['fake user', 'test card']);
  });

  it('accepts a bare YAML list of {fingerprint, reason}', () => {
    expect(parseBaseline(`- fingerprint: ${'f'.repeat(64)}\n  reason: ok\n`, 'b.yaml')).toEqual([{ fingerprint: 'f'.repeat(64), reason: 'ok' }]);
  });

  it.each([
    ['an entry without a reason', `- fingerprint: ${'f'.repeat(64)}\n`, /findings|0\.reason|reason/],
    ['a fingerprint that is not sha256', '- fingerprint: abc\n  reason: ok\n', /64-hex-digit/],
    ['text that is not YAML', '{ nope: [', /neither JSON nor YAML/],
  ])('refuses %s with a BaselineError', (_what, text, message) => {
    expect(() => parseBaseline(text, 'b.yaml')).toThrow(BaselineError);
    expect(() => parseBaseline(text, 'b.yaml')).toThrow(message);
  });

  it('refuses an unreadable file naming it', async () => {
    await expect(readBaseline('/nonexistent/baseline.yaml')).rejects.toThrow('cannot read the baseline /nonexistent/baseline.yaml: ENOENT');
  });
});
