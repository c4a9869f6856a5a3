import { parseArtifactUri, type ArtifactRef } from '../artifacts/artifact-ref.js';
import { readArtifactManifest, UnrecognisedArtifactManifestError, type ArtifactManifest } from '../artifacts/artifact-manifest.js';
import type { EvidenceRecord } from '../evidence/evidence-record.js';
import type { ParsedEvidence } from './criterion.js';

const SHOWN = 10;

/**
 * An uploaded artifact manifest as evidence. It passes on its own: it only says which objects to check,
 * and the live check of each one decides the criterion.
 */
export function parseArtifactEvidence(bytes: Buffer, format?: string): ParsedEvidence {
  if (format !== undefined && format !== 'artifact-manifest') throw new UnrecognisedArtifactManifestError(`format "${format}" was named`);
  const manifest = readArtifactManifest(bytes);
  const n = manifest.artifacts.length;
  return {
    outcome: 'pass',
    format: 'artifact-manifest',
    summary: {
      kind: 'artifact-manifest',
      text: `artifact manifest: ${n} ${n === 1 ? 'artifact' : 'artifacts'} to check live`,
      details: manifest.artifacts.slice(0, SHOWN).map((a) => (a.sha256 ? `${a.uri} sha256 ${a.sha256.slice(0, 12)}…` : a.uri)),
      manifest,
    },
  };
}

/** The artifacts in the newest manifest submitted for the ticket (older manifests are superseded). */
export function artifactRefsInEvidence(evidence: EvidenceRecord[]): ArtifactRef[] {
  const newest = evidence.find((record) => record.summary['kind'] === 'artifact-manifest');
  const manifest = newest?.summary['manifest'] as ArtifactManifest | undefined;
  return (manifest?.artifacts ?? []).map((a) => parseArtifactUri(a.uri, 'evidence', a.sha256));
}

/**
 * One list, one entry per object. A sha256 submitted as evidence wins over one written on the ticket,
 * since CI computed it from the built file.
 */
export function mergeArtifactRefs(...lists: ArtifactRef[][]): ArtifactRef[] {
  const byUri = new Map<string, ArtifactRef>();
  for (const ref of lists.flat()) {
    const key = `${ref.scheme}://${ref.bucket}/${ref.key}`;
    const seen = byUri.get(key);
    if (!seen) byUri.set(key, ref);
    else if (!seen.sha256 && ref.sha256) byUri.set(key, { ...seen, sha256: ref.sha256 });
  }
  return [...byUri.values()];
}
