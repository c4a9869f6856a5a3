import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFile } from '../../bench/scan-generate.js';
import type { ScanFinding } from '../../src/scan/index.js';
import { createDefaultDetectors, findingFingerprint, FingerprintKey, matchLine, scanToReport } from '../../src/scan/index.js';
import { createCsvFields } from '../../src/scan/read/csv-fields.js';
import { codePointLength } from '../../src/scan/read/read-segments.js';

const detectors = createDefaultDetectors({ defaultCountry: 'US' });
const fingerprintKey = FingerprintKey.random();

/**
 * What the scanner must find, computed the slow and obvious way: decode the whole file, split it into lines,
 * match each line on its own, count columns in code points from the line start.
 */
async function findingsLineByLine(path: string, file: string): Promise<ScanFinding[]> {
  const text = new TextDecoder('utf-8').decode(await readFile(path));
  const csv = file.endsWith('.csv') ? createCsvFields(',') : undefined;
  const findings: ScanFinding[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const row = csv?.advance(line);
    const field = csv && row ? (at: number) => csv.fieldAt(at) : undefined;
    for (const match of matchLine(line, detectors, field)) {
      findings.push({
        file,
        line: index + 1,
        column: codePointLength(line.slice(0, match.start)) + 1,
        endColumn: codePointLength(line.slice(0, match.end)) + 1,
        detector: match.detector.id,
        kind: match.detector.kind,
        masked: match.detector.mask(match.value),
        confidence: match.confidence,
        fingerprint: findingFingerprint(fingerprintKey, match.detector.id, file, match.value),
        ...(field ? { location: `row ${row} column ${field(match.start)}` } : {}),
      });
    }
  });
  return findings;
}

/** Secrets, national ids, CRLF lines, multi-byte and astral characters: what the generated CSV/JSONL lacks. */
function mixedText(lines: number): string {
  const samples = [
    'contact jane.doe@acme-corp.co.uk or (415) 555-2671 x12, card 4532 0151 1283 0366',
    'naïve 日本 😀 ssn 536-22-1234 iban GB82 WEST 1234 5698 7654 32 ip 8.8.8.8 and 2001:4860:4860::8888',
    'aws_secret_access_key = "Zq8vLm2Rt5Xw9Kp3Ns7YZq8vLm2Rt5Xw9Kp3Ns7Y" AKIAZ7VRSQ5JCPQGLX3Y',
    'password = "Zq8vLm2Rt5Xw9Kp3Ns7Y" token: ghp_1234567890abcdefghijABCDEFGHIJ123456',
    'nino AB 12 34 56 C dni 12345678Z nir 1 85 05 78 006 084 36 cf RSSMRA85T10A562S',
    '😀😀 +44 20 7946 0958, 020 7946 0958\r',
    'order 12345 67890 shipped 2024-01-02 v1.2.3.4 1,234,567',
  ];
  return Array.from({ length: lines }, (_, index) => `${index} ${samples[index % samples.length] ?? ''}`).join('\n');
}

describe('scanning a generated mixed file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'donegate-scan-equality-'));
    // Several 256 KiB read chunks each, so lines and characters are cut at chunk boundaries. Named as text:
    // CSV and JSONL files are reported by column (test/scan/dataset-columns.test.ts compares those).
    await generateFile(join(dir, 'records.csv.txt'), 'csv', 700_000, 7);
    await generateFile(join(dir, 'events.jsonl.txt'), 'jsonl', 700_000, 8);
    await writeFile(join(dir, 'notes.txt'), `\uFEFF${mixedText(6_000)}`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['records.csv.txt', 'events.jsonl.txt', 'notes.txt'])('finds in %s exactly what matching each line alone finds', async (name) => {
    const path = join(dir, name);
    const report = await scanToReport([path], { detectors, fingerprintKey });
    const expected = await findingsLineByLine(path, path);
    expect(expected.length).toBeGreaterThan(100);
    expect(report.findings).toEqual(expected);
  });
});
