import { readArtifactManifest } from '../../src/artifacts/artifact-manifest.js';
import { InvalidReportError, UnrecognisedReportError } from '../../src/evidence/reports/index.js';

const A = 'a'.repeat(64);
const B = 'B'.repeat(64);

describe('artifact manifests submitted as encrypted-artifact evidence', () => {
  it('reads the JSON form, lower-casing digests', () => {
    expect(readArtifactManifest(Buffer.from(JSON.stringify({ artifacts: [{ uri: 's3://models/a.bin', sha256: B }, { uri: 'gs://models/b.pt' }] })))).toEqual({
      artifacts: [{ uri: 's3://models/a.bin', sha256: 'b'.repeat(64) }, { uri: 'gs://models/b.pt' }],
    });
  });

  it('reads sha256sum-style lines and bare URIs, skipping comments', () => {
    expect(readArtifactManifest(Buffer.from(`# built by CI\n${A}  s3://models/a.bin\ngs://models/b.pt\n`))).toEqual({ artifacts: [{ uri: 's3://models/a.bin', sha256: A }, { uri: 'gs://models/b.pt' }] });
  });

  it('keeps one entry for a URI listed twice with the same digest, and refuses two different digests', () => {
    expect(readArtifactManifest(Buffer.from(`${A}  s3://models/a.bin\n${A}  s3://models/a.bin`)).artifacts).toHaveLength(1);
    expect(() => readArtifactManifest(Buffer.from(`${A}  s3://models/a.bin\n${B}  s3://models/a.bin`))).toThrow('s3://models/a.bin is listed twice with different sha256');
  });

  it('refuses other reports as unrecognised (422), naming the manifest forms', () => {
    expect(() => readArtifactManifest(Buffer.from('{"auditReportVersion":2}'))).toThrow(UnrecognisedReportError);
    expect(() => readArtifactManifest(Buffer.from('hello'))).toThrow(/encrypted-artifact accepts: an artifact manifest/);
  });

  it('refuses a presigned https link inside a manifest as invalid, naming where', () => {
    const attempt = () => readArtifactManifest(Buffer.from(JSON.stringify({ artifacts: [{ uri: 'https://m.s3.amazonaws.com/a.bin?X-Amz-Signature=x' }] })));
    expect(attempt).toThrow(InvalidReportError);
    expect(attempt).toThrow(/at artifacts\.0/);
  });
});
