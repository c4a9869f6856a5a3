import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FingerprintKey } from '../../src/scan/fingerprint.js';
import { applyBaseline, BaselineError, parseBaseline, readBaseline, REASON_PLACEHOLDER, serialiseBaseline } from '../../src/scan-report/index.js';
import { FIXTURE_FINDINGS, FIXTURE_FINGERPRINT_KEY as key, RAW_VALUES, scanReport } from './scan-report-fixture.js';

const v2 = (findings: string) => `version: 2\nfingerprintKey: ${key.id}\nfindings:\n${findings}`;

describe('baseline', () => {
  it.each(['baseline.yaml', 'baseline.json'])('round trips through %s: written with placeholders, accepted once the reasons are filled in', async (name) => {
    const folder = await mkdtemp(join(tmpdir(), 'donegate-baseline-'));
    const file = join(folder, name);
    const written = serialiseBaseline(FIXTURE_FINDINGS.slice(0, 2), file, key);
    for (const raw of RAW_VALUES) expect(written).not.toContain(raw);
    await writeFile(file, written);
    await expect(readBaseline(file, key)).rejects.toThrow(/write the reason for 2 accepted finding\(s\)/);

    await writeFile(file, (await readFile(file, 'utf8')).replaceAll(REASON_PLACEHOLDER, 'synthetic test data'));
    const baseline = await readBaseline(file, key);
    expect(baseline.map((e) => e.fingerprint)).toEqual([FIXTURE_FINDINGS[0]!.fingerprint, FIXTURE_FINDINGS[1]!.fingerprint]);

    const applied = applyBaseline(scanReport(), baseline);
    expect(applied.baselined).toBe(2);
    expect(applied.findings.map((f) => f.detector)).toEqual(['iban', 'aws-access-key-id']);
    expect(applied.summary).toMatchObject({ byDetector: { iban: 1, 'aws-access-key-id': 1 }, pii: 1, secrets: 1 });
  });

  it('writes version 2 with the id of the fingerprint key, never the key', () => {
    const written = JSON.parse(serialiseBaseline(FIXTURE_FINDINGS.slice(0, 1), 'b.json', key)) as { version: number; fingerprintKey: string };
    expect(written).toMatchObject({ version: 2, fingerprintKey: key.id });
    expect(JSON.stringify(written)).not.toContain(Buffer.alloc(32, 7).toString('hex'));
  });

  it('keeps existing entries and their reasons when written again', () => {
    const existing = [{ fingerprint: FIXTURE_FINDINGS[0]!.fingerprint, reason: 'fake user' }];
    const entries = parseBaseline(serialiseBaseline(FIXTURE_FINDINGS.slice(0, 2), 'b.json', key, existing).replace(REASON_PLACEHOLDER, 'test card'), 'b.json', key);
    expect(entries.map((e) => e.reason)).toEqual(['fake user', 'test card']);
  });

  it.each([
    ['a version 1 baseline', `version: 1\nfindings:\n  - fingerprint: ${'f'.repeat(64)}\n    reason: ok\n`],
    ['a bare list (version 1 shape)', `- fingerprint: ${'f'.repeat(64)}\n  reason: ok\n`],
  ])('refuses %s, whose fingerprints are unkeyed, and says to write it again', (_what, text) => {
    expect(() => parseBaseline(text, 'b.yaml', key)).toThrow(BaselineError);
    expect(() => parseBaseline(text, 'b.yaml', key)).toThrow(/version 1 baseline: its fingerprints are unkeyed.*--write-baseline/);
  });

  it('refuses a baseline written under another fingerprint key, naming both key ids', () => {
    const other = FingerprintKey.random();
    const text = serialiseBaseline([], 'b.yaml', other);
    expect(() => parseBaseline(text, 'b.yaml', key)).toThrow(`b.yaml was written under fingerprint key ${other.id}, and this scan's key is ${key.id}`);
  });

  it.each([
    ['an entry without a reason', v2(`  - fingerprint: ${'f'.repeat(64)}\n`), /findings|0\.reason|reason/],
    ['a fingerprint that is not 64 hex digits', v2('  - fingerprint: abc\n    reason: ok\n'), /64-hex-digit/],
    ['no fingerprint key id', `version: 2\nfindings: []\n`, /fingerprintKey/],
    ['text that is not YAML', '{ nope: [', /neither JSON nor YAML/],
  ])('refuses %s with a BaselineError', (_what, text, message) => {
    expect(() => parseBaseline(text, 'b.yaml', key)).toThrow(BaselineError);
    expect(() => parseBaseline(text, 'b.yaml', key)).toThrow(message);
  });

  it('refuses an unreadable file naming it', async () => {
    await expect(readBaseline('/nonexistent/baseline.yaml', key)).rejects.toThrow('cannot read the baseline /nonexistent/baseline.yaml: ENOENT');
  });
});
