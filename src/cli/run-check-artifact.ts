// What `donegate check artifact` runs, loaded by its action in check-artifact.ts: the artifact policy schema (zod) and the verdicts.
import { ArtifactRefError, parseArtifactUri, type ArtifactRef } from '../artifacts/artifact-ref.js';
import { artifactPolicySchema, type ArtifactPolicy } from '../artifacts/artifact-policy.js';
import { describeArtifactVerdict, overallStatus, type ArtifactVerdict } from '../artifacts/artifact-verdict.js';
import type { HashProgress } from '../artifacts/hash-stream.js';
import type { VerifyArtifact } from '../artifacts/verify-artifact.js';
import { createHashProgressLine } from './hash-progress-line.js';

export interface CheckArtifactOptions {
  json?: boolean;
  /** Paired with the URIs in order: the first --sha256 belongs to the first URI. */
  sha256?: string[];
  encryption?: string;
  kmsKey?: string[];
  requireChecksum?: boolean;
}

export interface CheckArtifactDeps {
  /** Built once the arguments are valid; `onHashProgress` draws the terminal progress line. */
  createVerifier(onHashProgress: (uri: string, progress: HashProgress) => void): VerifyArtifact | Promise<VerifyArtifact>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream & { isTTY?: boolean };
}

const EXIT = { pass: 0, fail: 1, error: 2 } as const;
const FLAG_OF: Record<string, string> = { encryption: '--encryption', kmsKeys: '--kms-key', requireChecksum: '--require-checksum' };

/**
 * `donegate check artifact URI…`: the per-artifact verdicts the encrypted-artifact criterion gives,
 * from the command line. Exit 0 all pass, 1 any artifact fails, 2 a usage error or an artifact that
 * could not be checked (and none failed): "fix the storage" and "fix the check" stay apart for CI.
 */
export async function checkArtifacts(uris: string[], options: CheckArtifactOptions, deps: CheckArtifactDeps): Promise<number> {
  const usage = (message: string) => {
    deps.err.write(`donegate check artifact: ${message}\n`);
    return 2;
  };
  const digests = options.sha256 ?? [];
  if (digests.length > uris.length) return usage(`${digests.length} --sha256 values for ${uris.length} URI(s); each --sha256 pairs with the URI in the same position`);
  let refs: ArtifactRef[];
  try {
    refs = uris.map((uri, i) => parseArtifactUri(uri, 'cli', digests[i]));
  } catch (error) {
    if (error instanceof ArtifactRefError) return usage(error.message);
    throw error;
  }
  const parsed = artifactPolicySchema.safeParse({
    ...(options.encryption !== undefined ? { encryption: options.encryption } : {}),
    ...(options.kmsKey ? { kmsKeys: options.kmsKey } : {}),
    ...(options.requireChecksum !== undefined ? { requireChecksum: options.requireChecksum } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return usage(`${FLAG_OF[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`);
  }
  const policy: ArtifactPolicy = parsed.data;

  const progress = createHashProgressLine(deps.err);
  const verify = await deps.createVerifier((uri, p) => progress.update(uri, p));
  const verdicts: ArtifactVerdict[] = [];
  for (const ref of refs) {
    verdicts.push(await verify(ref, policy));
    progress.done();
  }
  const status = overallStatus(verdicts.map((v) => v.status));
  if (options.json) {
    deps.out.write(`${JSON.stringify({ status, policy, artifacts: verdicts }, null, 2)}\n`);
  } else {
    for (const verdict of verdicts) {
      deps.out.write(`${describeArtifactVerdict(verdict)}\n`);
      for (const fix of verdict.fixes) deps.out.write(`  fix: ${fix}\n`);
    }
  }
  return EXIT[status];
}
