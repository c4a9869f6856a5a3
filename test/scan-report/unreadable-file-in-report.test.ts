import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanToReport } from '../../src/scan/index.js';
import { formatJsonReport } from '../../src/scan-report/index.js';
import { scanReportSchema } from '../../src/scan-report/scan-report-schema.js';

describe('a scan report that lists a file it could not read', () => {
  it('reads back as a report, so CI can still submit it as evidence, with the file shown as skipped', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'donegate-unreadable-'));
    await writeFile(join(folder, 'notes.txt'), 'contact: anna@mailbox.org\n');
    const report = await scanToReport([join(folder, 'notes.txt'), join(folder, 'missing.csv')]);

    const parsed = scanReportSchema.parse(JSON.parse(formatJsonReport(report)));
    expect(parsed.files).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/notes\.txt$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      expect.objectContaining({ file: expect.stringMatching(/missing\.csv$/), sha256: '', skipped: 'unreadable: ENOENT' }),
    ]);
  });

  it('still refuses an empty sha256 on a file that claims to have been scanned', () => {
    const report = { tool: { name: 'donegate-scan', version: '0.1.0', rulesSha256: 'x' }, generatedAt: new Date().toISOString(), files: [{ file: 'data.csv', sha256: '', size: 10 }], findings: [], baselined: 0, summary: { byDetector: {}, pii: 0, secrets: 0, files: 1, bytes: 10 } };
    expect(scanReportSchema.safeParse(report).success).toBe(false);
  });
});
