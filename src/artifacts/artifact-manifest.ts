import { z } from 'zod';
import { InvalidReportError, UnrecognisedReportError } from '../evidence/reports/index.js';
import { ArtifactRefError, artifactUri, parseArtifactUri, type ArtifactRef } from './artifact-ref.js';

/** The artifacts a ticket ships, as submitted for `encrypted-artifact`; only URIs and digests, never links that grant access. */
export interface ArtifactManifest {
  artifacts: Array<{ uri: string; sha256?: string }>;
}

const ACCEPTS = 'encrypted-artifact accepts: an artifact manifest, JSON {"artifacts": [{"uri": "s3://bucket/key", "sha256": "…"}]} or lines of "<sha256>  s3://bucket/key" or "s3://bucket/key"';

export class UnrecognisedArtifactManifestError extends UnrecognisedReportError {
  constructor(reason: string) {
    super(reason);
    this.message = `Unrecognised report: ${reason}. ${ACCEPTS}.`;
  }
}

const jsonManifest = z.object({
  artifacts: z.array(z.object({ uri: z.string().min(1), sha256: z.string().optional() }).strict()).min(1, 'list at least one artifact'),
});

const LINE = /^(?:\\?([0-9a-fA-F]{64}) [ *])?((?:s3|gs):\/\/\S+)$/;

/** Read an uploaded manifest (JSON or `sha256sum`-style lines). Throws 422-class report errors. */
export function readArtifactManifest(bytes: Buffer): ArtifactManifest {
  const text = bytes.toString('utf8');
  let entries: Array<{ uri: string; sha256?: string; where: string }>;
  try {
    const document: unknown = JSON.parse(text);
    if (typeof document !== 'object' || document === null || !('artifacts' in document)) throw new UnrecognisedArtifactManifestError('it is JSON without an "artifacts" list');
    const parsed = jsonManifest.safeParse(document);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidReportError('artifact manifest', issue.message, issue.path.join('.'));
    }
    entries = parsed.data.artifacts.map((a, i) => ({ uri: a.uri, ...(a.sha256 !== undefined ? { sha256: a.sha256 } : {}), where: `artifacts.${i}` }));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    entries = readLines(text);
  }
  return { artifacts: dedupe(entries) };
}

function readLines(text: string): Array<{ uri: string; sha256?: string; where: string }> {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length === 0) throw new UnrecognisedArtifactManifestError('the file is empty');
  return lines.map((line, i) => {
    const match = LINE.exec(line);
    if (!match) throw new UnrecognisedArtifactManifestError(`line ${i + 1} is neither "<sha256>  <uri>" nor an s3:// or gs:// URI`);
    return { uri: match[2]!, ...(match[1] ? { sha256: match[1] } : {}), where: `line ${i + 1}` };
  });
}

function dedupe(entries: Array<{ uri: string; sha256?: string; where: string }>): ArtifactManifest['artifacts'] {
  const byUri = new Map<string, { uri: string; sha256?: string }>();
  for (const entry of entries) {
    let ref: ArtifactRef;
    try {
      ref = parseArtifactUri(entry.uri, 'evidence', entry.sha256);
    } catch (error) {
      if (error instanceof ArtifactRefError) throw new InvalidReportError('artifact manifest', error.message, entry.where);
      throw error;
    }
    const uri = artifactUri(ref);
    const seen = byUri.get(uri);
    if (seen && seen.sha256 !== ref.sha256) throw new InvalidReportError('artifact manifest', `${uri} is listed twice with different sha256`, entry.where);
    byUri.set(uri, { uri, ...(ref.sha256 ? { sha256: ref.sha256 } : {}) });
  }
  return [...byUri.values()];
}
