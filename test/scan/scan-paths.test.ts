import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ScanEvent, ScanFinding } from '../../src/scan/index.js';
import { createDefaultDetectors, FingerprintKey, scanFile, scanPaths, scanToReport } from '../../src/scan/index.js';

const settings = { detectors: createDefaultDetectors(), maxLineLength: 1 << 20, maxNotebookBytes: 1 << 20, progressEvery: 1 << 20, fingerprintKey: FingerprintKey.random() };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'donegate-scan-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(paths: string[], options = {}): Promise<ScanEvent[]> {
  const events: ScanEvent[] = [];
  for await (const event of scanPaths(paths, options)) events.push(event);
  return events;
}
const findingsOf = (events: ScanEvent[]): ScanFinding[] => events.flatMap((event) => (event.type === 'finding' ? [event.finding] : []));

describe('scanPaths', () => {
  it('reports line and code-point columns after multi-byte and astral characters', async () => {
    await writeFile(join(dir, 'notes.md'), 'first line\nnaïve 日本 😀 jane@acme.io end\n');
    const [finding] = findingsOf(await collect([dir]));
    expect(finding).toMatchObject({ file: `${dir}/notes.md`, line: 2, column: 12, endColumn: 24, detector: 'email', masked: 'j***@a***.io' });
  });

  it('names the CSV row and column from the header, across quoted multi-line fields', async () => {
    await writeFile(join(dir, 'people.csv'), 'id,"note",contact\n1,"two\nlines, here",a@acme.io\n2,x,536-22-1234\n');
    const findings = findingsOf(await collect([dir]));
    expect(findings.map((finding) => [finding.detector, finding.line, finding.location])).toEqual([
      ['email', 3, 'row 1 column contact'],
      ['us-ssn', 4, 'row 2 column contact'],
    ]);
  });

  it('scans notebook cell sources and outputs with lines inside each', async () => {
    const notebook = {
      cells: [
        { cell_type: 'markdown', source: ['# Title\n'] },
        { cell_type: 'code', source: ['import os\n', 'key = "AKIA' + 'QWERTYUIOPASDF23"\n'], outputs: [{ output_type: 'stream', text: ['ok\n', 'mail bob@acme.io\n'] }] },
      ],
    };
    await writeFile(join(dir, 'analysis.ipynb'), JSON.stringify(notebook));
    const findings = findingsOf(await collect([dir]));
    expect(findings.map((finding) => [finding.detector, finding.line, finding.location])).toEqual([
      ['aws-access-key-id', 2, 'cell 2 source'],
      ['email', 2, 'cell 2 output 1'],
    ]);
  });

  it('reads gzip by its magic bytes and hashes the stored bytes', async () => {
    const stored = gzipSync('id,email\n1,carol@acme.io\n');
    await writeFile(join(dir, 'export.csv.gz'), stored);
    const events = await collect([dir]);
    expect(findingsOf(events).map((finding) => finding.location)).toEqual(['row 1 column email']);
    const end = events.find((event) => event.type === 'file-end');
    expect(end).toMatchObject({ file: { sha256: createHash('sha256').update(stored).digest('hex'), size: stored.length } });
  });

  it('finds a value near the end of a several-MiB line at the right column', async () => {
    const prefix = 'é'.repeat(5 << 20);
    await writeFile(join(dir, 'huge.jsonl'), `${prefix} dave@acme.io tail\n`);
    const [finding] = findingsOf(await collect([dir]));
    expect(finding).toMatchObject({ line: 1, column: prefix.length + 2, detector: 'email' });
  });

  it('finds every value once when a long line is cut into segments', async () => {
    const parts: string[] = [];
    for (let index = 0; index < 200; index++) parts.push(`${'x'.repeat(index % 37)} u${index}@acme.io`);
    const line = parts.join(' ');
    await writeFile(join(dir, 'long.txt'), `${line}\nnext 10.0.0.1\n`);
    const findings = findingsOf(await collect([dir], { maxLineLength: 600 }));
    const emails = findings.filter((finding) => finding.detector === 'email');
    expect(emails).toHaveLength(200);
    expect(emails.map((finding) => finding.column)).toEqual(parts.map((_, index) => line.indexOf(` u${index}@`) + 2));
    expect(findings.at(-1)).toMatchObject({ detector: 'ipv4', line: 2, column: 6 });
  });

  it('skips a binary file, still giving its hash and size', async () => {
    const bytes = Buffer.concat([Buffer.from('PK\0\0 eve@acme.io'), Buffer.alloc(100)]);
    await writeFile(join(dir, 'model.bin'), bytes);
    const events = await collect([dir]);
    expect(findingsOf(events)).toEqual([]);
    expect(events.find((event) => event.type === 'file-end')).toMatchObject({ file: { skipped: 'binary', size: bytes.length } });
  });

  it('turns an unreadable file into an error event and a skipped file, never a throw', async () => {
    const path = join(dir, 'secret.txt');
    await writeFile(path, 'x');
    await chmod(path, 0o000);
    // Root reads through mode 000, so there a file that vanished between listing and opening stands in for
    // the same open() failure path.
    const root = process.getuid?.() === 0;
    const code = root ? 'ENOENT' : 'EACCES';
    const events: ScanEvent[] = [];
    if (root) for await (const event of scanFile(join(dir, 'vanished.txt'), 'vanished.txt', settings)) events.push(event);
    else events.push(...(await collect([path])));
    expect(events.find((event) => event.type === 'error')).toMatchObject({ code });
    expect(events.find((event) => event.type === 'file-end')).toMatchObject({ file: { skipped: `unreadable: ${code}` } });
  });

  it('reports a path that does not exist as an unreadable entry, so the report never reads as clean', async () => {
    const missing = join(dir, 'no-such-folder');
    const report = await scanToReport([missing]);
    expect(report.files).toEqual([{ file: missing, sha256: '', size: 0, skipped: 'unreadable: ENOENT' }]);
    expect(report.findings).toEqual([]);
  });

  it('turns a read failure after opening into an error event', async () => {
    await writeFile(join(dir, 'broken.csv.gz'), Buffer.concat([gzipSync('a,b\n1,2\n').subarray(0, 12), Buffer.from('garbage!')]));
    const events = await collect([join(dir, 'broken.csv.gz')]);
    expect(events.find((event) => event.type === 'error')).toBeDefined();
    expect(events.find((event) => event.type === 'file-end')).toMatchObject({ file: { skipped: expect.stringMatching(/^unreadable: /) } });
  });

  it('skips .git and node_modules and does not follow symlinks out of the tree', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'donegate-outside-'));
    await writeFile(join(outside, 'leak.txt'), 'frank@acme.io\n');
    await mkdir(join(dir, '.git'));
    await mkdir(join(dir, 'node_modules'));
    await writeFile(join(dir, '.git', 'config'), 'gina@acme.io\n');
    await writeFile(join(dir, 'node_modules', 'x.js'), 'hank@acme.io\n');
    await writeFile(join(dir, 'in.txt'), 'ivy@acme.io\n');
    await symlink(join(outside, 'leak.txt'), join(dir, 'link.txt'));
    await symlink(join(dir, 'in.txt'), join(dir, 'alias.txt'));
    const files = (await collect([dir])).flatMap((event) => (event.type === 'file-end' ? [event.file.file] : []));
    await rm(outside, { recursive: true, force: true });
    expect(files).toEqual([`${dir}/alias.txt`, `${dir}/in.txt`]);
  });

  it('never puts a raw value into any event', async () => {
    const raw = ['jane@acme.io', '5425 2334 3010 9903', 'GB82WEST12345698765432', 'sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc'];
    await writeFile(join(dir, 'mixed.txt'), raw.join('\n'));
    const serialized = JSON.stringify(await collect([dir]));
    for (const value of raw) expect(serialized).not.toContain(value);
  });
});

describe('scanToReport', () => {
  it('summarises by detector and kind, with version, rules hash and stable fingerprints', async () => {
    await writeFile(join(dir, '.env'), 'CONTACT=jane@acme.io\nGITHUB_TOKEN=ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5' + '0smkjE\n');
    const report = await scanToReport([dir], { now: () => new Date('2025-01-01T00:00:00Z') });
    expect(report.tool).toMatchObject({ name: 'donegate-scan', version: expect.stringMatching(/^\d+\.\d+\.\d+/), rulesSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(report.summary).toMatchObject({ byDetector: { email: 1, 'github-token': 1 }, pii: 1, secrets: 1, files: 1 });
    const again = await scanToReport([dir]);
    expect(again.findings.map((finding) => finding.fingerprint)).toEqual(report.findings.map((finding) => finding.fingerprint));
  });

  it('keys fingerprints: the same key gives the same ones in another run, another key different ones, and the report names the key', async () => {
    await writeFile(join(dir, 'people.txt'), 'ssn 123-45-4821\n');
    const key = FingerprintKey.random();
    const first = await scanToReport([dir], { fingerprintKey: key });
    const second = await scanToReport([dir], { fingerprintKey: key });
    const other = await scanToReport([dir], { fingerprintKey: FingerprintKey.random() });
    expect(first.findings).toHaveLength(1);
    expect(second.findings.map((f) => f.fingerprint)).toEqual(first.findings.map((f) => f.fingerprint));
    expect(other.findings[0]!.fingerprint).not.toBe(first.findings[0]!.fingerprint);
    expect(first.fingerprints).toEqual({ scheme: 'hmac-sha256', keyId: key.id });
  });

  it('counts baseline-accepted findings without listing them', async () => {
    await writeFile(join(dir, 'a.txt'), 'jane@acme.io kim@acme.io\n');
    const report = await scanToReport([dir], { accept: (finding) => finding.column === 1 });
    expect(report.baselined).toBe(1);
    expect(report.findings).toHaveLength(1);
  });

  it('changes the rules hash with the phone country', async () => {
    const us = await scanToReport([dir], { defaultCountry: 'US' });
    const gb = await scanToReport([dir], { defaultCountry: 'GB' });
    expect(us.tool.rulesSha256).not.toBe(gb.tool.rulesSha256);
    const usAndGb = await scanToReport([dir], { defaultCountry: 'US', alsoCountries: ['GB'] });
    expect(new Set([us, gb, usAndGb].map((report) => report.tool.rulesSha256)).size).toBe(3);
  });
});
