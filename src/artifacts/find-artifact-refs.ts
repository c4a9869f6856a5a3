import { sectionLines, sectionTitle } from '../trackers/description-section.js';
import { parseArtifactUri, SHA256_HEX, type ArtifactRef } from './artifact-ref.js';

const ARTIFACTS = sectionTitle('artifacts?');
const URI = /\b(?:s3|gs):\/\/[^\s<>"'`)\]]+/g;
const HEX = /\b[0-9a-fA-F]{64}\b/;
const SENTENCE_PUNCTUATION = '.,;:';

/**
 * `uri` without the sentence punctuation that follows it in prose (`see s3://a/b.bin.`). A loop, not
 * `/[.,;:]+$/`: that regex would restart at every character of a long run of dots and rescan it.
 */
function withoutTrailingPunctuation(uri: string): string {
  let end = uri.length;
  while (end > 0 && SENTENCE_PUNCTUATION.includes(uri.charAt(end - 1))) end--;
  return uri.slice(0, end);
}

/**
 * Artifact URIs in a description's "Artifacts" section (a Markdown or ADF heading `Artifacts`, or a line
 * `Artifacts:`), up to the next heading. A 64-hex-digit sha256 on the same line belongs to the URI.
 *
 * @example
 * artifactRefsInDescription('## Artifacts\n- s3://models/ml-142.safetensors sha256 9f86d0…')
 */
export function artifactRefsInDescription(description: string): ArtifactRef[] {
  const refs: ArtifactRef[] = [];
  for (const line of sectionLines(description, ARTIFACTS)) {
    const uris = [...line.matchAll(URI)].map((m) => withoutTrailingPunctuation(m[0]));
    const sha256 = uris.length === 1 ? HEX.exec(line)?.[0] : undefined;
    for (const uri of uris) {
      const ref = tryRef(uri, 'description', sha256);
      if (ref) refs.push(ref);
    }
  }
  return refs;
}

/**
 * An artifact URI for a link on a ticket: `s3://` and `gs://` as they are; S3 object URLs (virtual-hosted
 * and path-style), the S3 console's object page and storage.googleapis.com URLs turned into one. The
 * query (a presigned signature, say) is dropped: donegate reads the object with its own credentials.
 */
export function artifactRefOfLink(url: string, source: string): ArtifactRef | undefined {
  if (/^(s3|gs):\/\//.test(url)) return tryRef(withoutQuery(url), source);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.toLowerCase();
  // No DNS name is longer (RFC 1035); the host patterns below then never see a hostile megabyte.
  if (host.length > 253) return undefined;
  const path = decodeURIComponent(parsed.pathname.slice(1));
  if (host === 's3.console.aws.amazon.com') {
    const console = /^s3\/object\/([^/]+)$/.exec(path);
    const key = parsed.searchParams.get('prefix');
    return console && key ? tryRef(`s3://${console[1]}/${key}`, source) : undefined;
  }
  const virtualHosted = /^(.+)\.s3[.-](?:[a-z0-9-]+\.)?amazonaws\.com$/.exec(host);
  if (virtualHosted) return tryRef(`s3://${virtualHosted[1]}/${path}`, source);
  if (/^s3[.-](?:[a-z0-9-]+\.)?amazonaws\.com$/.test(host)) return tryRef(`s3://${path}`, source);
  if (host === 'storage.googleapis.com' || host === 'storage.cloud.google.com') return tryRef(`gs://${path}`, source);
  return undefined;
}

/**
 * `url.replace(/[?#].*$/, '')` (`.` stops at a line break, so only a `?` or `#` after the last one counts),
 * without that regex's retry from every `?` of a long run up to the line break.
 */
function withoutQuery(url: string): string {
  const afterBreak = Math.max(url.lastIndexOf('\n'), url.lastIndexOf('\r'), url.lastIndexOf('\u2028'), url.lastIndexOf('\u2029')) + 1;
  const cut = url.slice(afterBreak).search(/[?#]/);
  return cut === -1 ? url : url.slice(0, afterBreak + cut);
}

function tryRef(uri: string, source: string, sha256?: string): ArtifactRef | undefined {
  try {
    return parseArtifactUri(uri, source, sha256 !== undefined && SHA256_HEX.test(sha256) ? sha256 : undefined);
  } catch {
    return undefined;
  }
}
