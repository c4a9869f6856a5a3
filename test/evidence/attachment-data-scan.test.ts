import { scanAttachmentData } from '../../src/evidence/attachment-data-scan.js';
import { FingerprintKey } from '../../src/scan/fingerprint.js';

const csv = Buffer.from('name,ssn\nAda,517-29-4821\n');

describe('scanAttachmentData', () => {
  it("names the file by the attachment's name only, in files and findings", async () => {
    const report = await scanAttachmentData(csv, 'people.csv', FingerprintKey.random());
    expect(report.files.map((f) => f.file)).toEqual(['people.csv']);
    expect(report.findings.map((f) => [f.file, f.detector, f.masked])).toEqual([['people.csv', 'us-ssn', '***-**-4821']]);
    expect(JSON.stringify(report)).not.toContain('donegate-attachment-');
  });

  it('gives the same data attached again the same fingerprints under the installation key, and other ones under another key', async () => {
    const key = FingerprintKey.random();
    const first = await scanAttachmentData(csv, 'people.csv', key);
    const again = await scanAttachmentData(csv, 'people.csv', key);
    const elsewhere = await scanAttachmentData(csv, 'people.csv', FingerprintKey.random());
    expect(again.findings[0]!.fingerprint).toBe(first.findings[0]!.fingerprint);
    expect(elsewhere.findings[0]!.fingerprint).not.toBe(first.findings[0]!.fingerprint);
    expect(first.fingerprints).toEqual({ scheme: 'hmac-sha256', keyId: key.id });
  });
});
