import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateFile } from '../../bench/scan-generate.js';
import type { ScanFinding } from '../../src/scan/index.js';
import { createDefaultDetectors, FingerprintKey, matchLine, scanToReport } from '../../src/scan/index.js';
import { createCsvFields } from '../../src/scan/read/csv-fields.js';

const fingerprintKey = FingerprintKey.random();
const detectors = createDefaultDetectors({ defaultCountry: 'US' });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'donegate-dataset-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scan(name: string, content: string | Buffer): Promise<ScanFinding[]> {
  await writeFile(join(dir, name), content);
  return (await scanToReport([join(dir, name)], { fingerprintKey })).findings;
}
const brief = (findings: ScanFinding[]) => findings.map((f) => [f.detector, f.columnPath, f.occurrences, f.line, f.masked]);

describe('CSV and TSV columns', () => {
  it('reports a column of 10,000 e-mail addresses once, with the count, the first row and a masked sample', async () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => `${index},person${index}@acme.io,ok`);
    const findings = await scan('users.csv', `id,contact,status\n${rows.join('\n')}\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ detector: 'email', columnPath: 'contact', occurrences: 10_000, line: 2, column: 3, location: 'row 1 column contact', masked: 'p***@a***.io' });
  });

  it('reports a PII-named column whose values no detector matches as one pii-column-name finding of medium confidence', async () => {
    const rows = Array.from({ length: 50 }, (_, index) => `${index},Jane Doe${index},1984-02-${String((index % 28) + 1).padStart(2, '0')},blue`);
    const findings = await scan('people.csv', `id,full_name,dob,colour\n${rows.join('\n')}\n`);
    expect(brief(findings)).toEqual([
      ['pii-column-name', 'full_name', 50, 2, 'J********'],
      ['pii-column-name', 'dob', 50, 2, '1*********'],
    ]);
    expect(findings.every((finding) => finding.confidence === 'medium')).toBe(true);
  });

  it('reports one stray e-mail address in a column whose name says nothing, with a count of 1', async () => {
    const rows = Array.from({ length: 200 }, (_, index) => `${index},${index === 120 ? 'write to bob@corp.io' : 'fine'}`);
    expect(brief(await scan('notes.csv', `id,note\n${rows.join('\n')}\n`))).toEqual([['email', 'note', 1, 122, 'b***@c***.io']]);
  });

  it('counts rows, not matches: two addresses of one row count once', async () => {
    expect(brief(await scan('cc.csv', 'id,note\n1,a@acme.io and b@acme.io\n2,c@acme.io\n'))).toEqual([['email', 'note', 2, 2, 'a***@a***.io']]);
  });

  it('does not count empty and placeholder values of a PII-named column', async () => {
    expect(await scan('blank.csv', 'id,phone,last_name\n1,,N/A\n2,null,\n3, - ,unknown\n')).toEqual([]);
  });

  it('reads gzipped TSV and names columns from its header', async () => {
    const tsv = gzipSync('id\tE-Mail\tSurname\n1\tann@acme.io\tSmith\n2\tbo@acme.io\tJones\n');
    expect(brief(await scan('export.tsv.gz', tsv))).toEqual([
      ['email', 'E-Mail', 2, 2, 'a***@a***.io'],
      ['pii-column-name', 'Surname', 2, 2, 'S****'],
    ]);
  });

  it('keeps a column fingerprint as rows change, so a baseline entry accepts the column', async () => {
    const [before] = await scan('a.csv', 'id,email\n1,ann@acme.io\n');
    const [after] = await scan('a.csv', 'id,email\n1,zed@acme.io\n2,ann@acme.io\n3,bo@acme.io\n');
    expect(after!.fingerprint).toBe(before!.fingerprint);
    expect(after!.occurrences).toBe(3);
  });

  it('finds per column what matching each line alone finds, across read chunks', async () => {
    const path = join(dir, 'records.csv');
    await generateFile(path, 'csv', 700_000, 7);
    const report = await scanToReport([path], { detectors, fingerprintKey });
    // The slow and obvious way: every line alone, its column from the header, grouped by detector and column.
    const csv = createCsvFields(',');
    const expected = new Map<string, { rows: Set<number>; line: number; masked: string }>();
    (await readFile(path, 'utf8')).split('\n').forEach((line, index) => {
      const row = csv.advance(line);
      if (row === 0) return;
      for (const match of matchLine(line, detectors, (at) => csv.fieldAt(at))) {
        const id = `${match.detector.id} ${csv.fieldAt(match.start)}`;
        const seen = expected.get(id) ?? { rows: new Set<number>(), line: index + 1, masked: match.detector.mask(match.value) };
        seen.rows.add(row);
        expected.set(id, seen);
      }
    });
    expect(expected.size).toBeGreaterThan(3);
    const found = new Map(report.findings.map((f) => [`${f.detector} ${f.columnPath}`, { rows: f.occurrences, line: f.line, masked: f.masked }]));
    expect(found).toEqual(new Map([...expected].map(([id, { rows, line, masked }]) => [id, { rows: rows.size, line, masked }])));
  });
});

describe('JSON Lines', () => {
  it('names nested fields and list items by key path, counting rows per column', async () => {
    const lines = Array.from({ length: 300 }, (_, index) =>
      JSON.stringify({ id: index, user: { contact: { email: `u${index}@acme.io` } }, tags: ['a', index === 5 ? 'ping c@corp.io' : 'b'] }),
    );
    expect(brief(await scan('events.jsonl', `${lines.join('\n')}\n`))).toEqual([
      ['email', 'user.contact.email', 300, 1, 'u***@a***.io'],
      ['email', 'tags[]', 1, 6, 'c***@c***.io'],
    ]);
  });

  it('reads .ndjson.gz and reports a PII-named key whose values no detector matches', async () => {
    const lines = Array.from({ length: 20 }, (_, index) => JSON.stringify({ id: index, patient: { firstName: `Ann${index}`, dateOfBirth: '1990-05-01' } }));
    expect(brief(await scan('patients.ndjson.gz', gzipSync(`${lines.join('\n')}\n`)))).toEqual([
      ["pii-column-name", "patient.firstName", 20, 1, "A***"],
      ['pii-column-name', 'patient.dateOfBirth', 20, 1, '1*********'],
    ]);
  });

  it('scans a line that is not JSON as text, finding by finding, before the column findings', async () => {
    const findings = await scan('mixed.jsonl', '{"email":"ann@acme.io"}\nplain dave@acme.io line\n{"email":"bo@acme.io"}\n');
    expect(findings.map((f) => [f.detector, f.line, f.columnPath, f.occurrences])).toEqual([
      ['email', 2, undefined, undefined],
      ['email', 1, 'email', 2],
    ]);
  });

  it('places the first match of a column at its column on the line', async () => {
    const [finding] = await scan('place.jsonl', '{"note":"日本 😀 mail eve@acme.io"}\n');
    expect(finding).toMatchObject({ line: 1, column: 20, endColumn: 31, columnPath: 'note' });
  });

  it('reads escaped keys and keeps keys apart from values that look like keys', async () => {
    const line = JSON.stringify({ 'we"ird': { text: 'say "k": 1, x@acme.io' } });
    expect(brief(await scan('keys.jsonl', `${line}\n`))).toEqual([['email', 'we"ird.text', 1, 1, 'x***@a***.io']]);
  });

  it('stays bounded on 100,000 levels of nesting and a line longer than the line limit', async () => {
    const deep = `${'['.repeat(100_000)}"z@acme.io"${']'.repeat(100_000)}`;
    const long = `{"blob":"${'x '.repeat(1_500_000)} y@acme.io"}`;
    await writeFile(join(dir, 'hostile.jsonl'), `${deep}\n${long}\n`);
    const report = await scanToReport([join(dir, 'hostile.jsonl')], { fingerprintKey });
    expect(report.files[0]?.skipped).toBeUndefined();
    const [first, second] = report.findings;
    // The long line is cut into segments and scanned as text; the deep one keeps a bounded path.
    expect(first).toMatchObject({ detector: 'email', line: 2, masked: 'y***@a***.io' });
    expect(second).toMatchObject({ detector: 'email', line: 1, occurrences: 1 });
    expect(second!.columnPath!.length).toBeLessThan(600);
  });
});
