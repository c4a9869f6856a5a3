import fc from 'fast-check';
import { artifactRefOfLink, artifactRefsInDescription } from '../../src/artifacts/find-artifact-refs.js';
import { parseArtifactUri } from '../../src/artifacts/artifact-ref.js';

const SHA = 'c0ffee'.repeat(10) + 'c0ff';
const uris = (refs: Array<{ scheme: string; bucket: string; key: string }>) => refs.map((r) => `${r.scheme}://${r.bucket}/${r.key}`);

describe('artifact references in a ticket description', () => {
  it('reads only the Artifacts section, up to the next heading', () => {
    const text = ['s3://before/section.bin', '## Artifacts', '- s3://models/a.bin', '- gs://models/b.pt', '## Rollout', 's3://after/section.bin'].join('\n');
    expect(uris(artifactRefsInDescription(text))).toEqual(['s3://models/a.bin', 'gs://models/b.pt']);
  });

  it('takes "Artifacts:" lines, Jira wiki headings and bold titles as the section start', () => {
    expect(uris(artifactRefsInDescription('Artifacts:\ns3://models/a.bin\nOwner:\ns3://models/no.bin'))).toEqual(['s3://models/a.bin']);
    expect(uris(artifactRefsInDescription('h2. Artifacts\n* s3://models/a.bin'))).toEqual(['s3://models/a.bin']);
    expect(uris(artifactRefsInDescription('**Artifacts**\n1. s3://models/a.bin.'))).toEqual(['s3://models/a.bin']);
  });

  it('attaches a sha256 on the same line to its URI, and none when a line holds two URIs', () => {
    const refs = artifactRefsInDescription(`## Artifacts\ns3://models/a.bin sha256: ${SHA}\ns3://models/b.bin s3://models/c.bin ${SHA}`);
    expect(refs.map((r) => r.sha256)).toEqual([SHA, undefined, undefined]);
  });

  it('finds nothing without a section', () => {
    expect(artifactRefsInDescription('model at s3://models/a.bin')).toEqual([]);
  });
});

describe('artifact references in links', () => {
  it.each([
    ['s3://models/a/b.bin', 's3://models/a/b.bin'],
    ['https://models.s3.amazonaws.com/a/b.bin', 's3://models/a/b.bin'],
    ['https://models.s3.eu-west-1.amazonaws.com/a/b%20c.bin?X-Amz-Signature=abc&X-Amz-Credential=x', 's3://models/a/b c.bin'],
    ['https://s3.eu-west-1.amazonaws.com/models/a/b.bin', 's3://models/a/b.bin'],
    ['https://s3.console.aws.amazon.com/s3/object/models?region=eu-west-1&prefix=a/b.bin', 's3://models/a/b.bin'],
    ['https://storage.googleapis.com/models/a/b.pt', 'gs://models/a/b.pt'],
  ])('reads %s as %s, dropping any query', (url, uri) => {
    const ref = artifactRefOfLink(url, 'jira-remote-link')!;
    expect(`${ref.scheme}://${ref.bucket}/${ref.key}`).toBe(uri);
  });

  it('ignores links that are not storage objects', () => {
    expect(artifactRefOfLink('https://github.com/acme/churn/pull/7', 'x')).toBeUndefined();
    expect(artifactRefOfLink('http://models.s3.amazonaws.com/a.bin', 'x')).toBeUndefined();
    expect(artifactRefOfLink('not a url', 'x')).toBeUndefined();
  });
});

describe('artifact URIs', () => {
  it('refuses anything but s3:// and gs:// object URIs', () => {
    expect(() => parseArtifactUri('https://models.s3.amazonaws.com/a.bin', 'cli')).toThrow('use s3://bucket/key or gs://bucket/object');
    expect(() => parseArtifactUri('s3://models/', 'cli')).toThrow();
    expect(() => parseArtifactUri('s3://Bad_Bucket/a.bin', 'cli')).toThrow('"Bad_Bucket" is not a valid S3 bucket name');
    expect(() => parseArtifactUri('s3://models/a.bin', 'cli', 'abc')).toThrow('must be 64 hex digits');
  });
});

// The string operations that replaced two backtracking regexes must give the regexes' answers.
describe('artifact URIs read without backtracking', () => {
  const text = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
  const refOf = (uri: string, source: string) => {
    try {
      return parseArtifactUri(uri, source);
    } catch {
      return undefined;
    }
  };

  it('drops a link\'s query and fragment exactly as /[?#].*$/ did, line breaks included', () => {
    fc.assert(
      fc.property(text(['a', 'b.bin', '/', '?', '#', 'x=1', '\n', '\r', '\u2028']), (rest) => {
        const link = `s3://models/${rest}`;
        expect(artifactRefOfLink(link, 'link')).toEqual(refOf(link.replace(/[?#].*$/, ''), 'link'));
      }),
      { numRuns: 2000 },
    );
  });

  it('drops trailing sentence punctuation exactly as /[.,;:]+$/ did', () => {
    fc.assert(
      fc.property(text(['a', '.', ',', ';', ':', '.bin', '/']), (rest) => {
        const uri = `s3://models/x${rest}`;
        const expected = refOf(uri.replace(/[.,;:]+$/, ''), 'description');
        expect(artifactRefsInDescription(`## Artifacts\n- ${uri}`)).toEqual(expected ? [expected] : []);
      }),
      { numRuns: 2000 },
    );
  });
});
