import { ArtifactRefError, artifactUri, parseArtifactUri } from '../artifacts/artifact-ref.js';
import type { ArtifactManifest } from '../artifacts/artifact-manifest.js';
import { donegateEndpoint, uploadEvidence, type Streams, type SubmitOptions, type UploadOutcome } from './evidence-submit.js';

export interface ArtifactSubmitOptions extends Omit<SubmitOptions, 'file'> {
  artifact: string[];
  /** Paired with `--artifact` in order. */
  sha256?: string[];
}

/**
 * `donegate evidence submit --criterion encrypted-artifact --artifact s3://… [--sha256 …]`: the manifest
 * is built here and uploaded like any report. Only URIs and digests leave the machine: a presigned or
 * public https link is refused before anything is sent. Exit codes as for `evidence submit`.
 */
export async function submitArtifacts(options: ArtifactSubmitOptions, env: NodeJS.ProcessEnv, streams: Streams): Promise<UploadOutcome> {
  const usage = (message: string) => {
    streams.err.write(`donegate evidence submit: ${message}\n`);
    return { code: 2 };
  };
  if (options.criterion !== 'encrypted-artifact') return usage('--artifact is evidence for --criterion encrypted-artifact only');
  const digests = options.sha256 ?? [];
  if (digests.length > options.artifact.length) return usage(`${digests.length} --sha256 values for ${options.artifact.length} --artifact; each --sha256 pairs with the --artifact in the same position`);
  const manifest: ArtifactManifest = { artifacts: [] };
  try {
    for (const [i, uri] of options.artifact.entries()) {
      const ref = parseArtifactUri(uri, 'cli', digests[i]);
      manifest.artifacts.push({ uri: artifactUri(ref), ...(ref.sha256 ? { sha256: ref.sha256 } : {}) });
    }
  } catch (error) {
    if (error instanceof ArtifactRefError) return usage(error.message);
    throw error;
  }
  const endpoint = donegateEndpoint(env, streams.err);
  if (!endpoint) return { code: 2 };
  const { artifact: _artifact, sha256: _sha256, ...fields } = options;
  return uploadEvidence({ ...fields, format: 'artifact-manifest', bytes: Buffer.from(JSON.stringify(manifest)), filename: 'artifacts.json' }, endpoint, env, streams);
}
