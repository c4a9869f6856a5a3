import { artifactUri, type ArtifactRef } from './artifact-ref.js';
import type { ArtifactPolicy } from './artifact-policy.js';
import type { ArtifactVerdict } from './artifact-verdict.js';
import { hashStream, tooLargeToHash, type HashProgress } from './hash-stream.js';
import { describeEncryption, encryptionProblem, keyIsListed } from './judge-encryption.js';
import { aliasesThatCouldName, kmsKeyIsAllowed } from './kms/kms-key-allowed.js';
import { unavailableKmsAliasResolver, type ResolveKmsAlias } from './kms/resolve-kms-alias.js';
import { ArtifactCheckError, type ArtifactStore, type StoredArtifact } from './stored-artifact.js';

export interface ArtifactVerifierDeps {
  /** Stores by URI scheme; a scheme without one is reported as `error` (not configured). */
  stores: Partial<Record<ArtifactRef['scheme'], ArtifactStore>>;
  /** Objects without a usable stored checksum are streamed and hashed up to this many bytes. */
  hashMaxBytes: number;
  /** Called while an object is hashed (the CLI draws a progress line on a terminal). */
  onHashProgress?: (uri: string, progress: HashProgress) => void;
  /** Resolves aliases listed in `kmsKeys`; absent, an artifact whose key needs one is could-not-check. */
  resolveKmsAlias?: ResolveKmsAlias;
}

export type VerifyArtifact = (ref: ArtifactRef, policy: ArtifactPolicy) => Promise<ArtifactVerdict>;

const STORE_NAME = { s3: 'S3', gs: 'Google Cloud Storage' } as const;

/**
 * Check one stored artifact live against the policy: its encryption, whether its bucket could make it
 * public, and its sha256. Every check that cannot be made becomes an `error` entry with its fix; a
 * definite problem found elsewhere still fails the artifact.
 *
 * @example
 * const verify = createArtifactVerifier({ stores: { s3: createS3ArtifactStore(new S3Client({})) }, hashMaxBytes: 1 << 30 });
 * const verdict = await verify(parseArtifactUri('s3://models/ml-142.safetensors', 'cli'), artifactPolicySchema.parse({}));
 */
export function createArtifactVerifier(deps: ArtifactVerifierDeps): VerifyArtifact {
  const resolveKmsAlias =
    deps.resolveKmsAlias ?? unavailableKmsAliasResolver('KMS lookups are not configured in this donegate process', 'list the key ARN in kmsKeys instead of the alias');
  return async function verifyArtifact(ref, policy) {
    const uri = artifactUri(ref);
    const verdict: ArtifactVerdict = { uri, status: 'pass', facts: [], problems: [], errors: [], fixes: [] };
    const couldNot = (error: unknown) => {
      const failure = error instanceof ArtifactCheckError ? error : new ArtifactCheckError(error instanceof Error ? error.message : String(error), 'retry; if it persists, check the storage service and donegate\'s network path to it');
      verdict.errors.push(failure.message);
      verdict.fixes.push(failure.fix);
    };
    const store = deps.stores[ref.scheme];
    if (!store) {
      couldNot(new ArtifactCheckError(`${STORE_NAME[ref.scheme]} checks are not configured`, `configure ${STORE_NAME[ref.scheme]} access for donegate (see README, "Artifact checks")`));
      return finish(verdict);
    }
    let stored: StoredArtifact;
    try {
      stored = await store.inspect(ref.bucket, ref.key);
    } catch (error) {
      couldNot(error);
      return finish(verdict);
    }
    await judgeStorage(verdict, { ref, stored, policy, couldNot, resolveKmsAlias });
    await judgeChecksum(verdict, { ref, uri, stored, store, policy, couldNot, deps });
    return finish(verdict);
  };
}

/** A definite problem fails the artifact even when another check could not run. */
function finish(verdict: ArtifactVerdict): ArtifactVerdict {
  return { ...verdict, status: verdict.problems.length > 0 ? 'fail' : verdict.errors.length > 0 ? 'error' : 'pass' };
}

function encryptionFix(scheme: ArtifactRef['scheme'], uri: string, policy: ArtifactPolicy, wrongKey: boolean): string {
  if (scheme === 'gs') return `rewrite it with an allowed Cloud KMS key: gcloud storage objects update ${uri} --encryption-key=<projects/…/cryptoKeys/…>`;
  const sse = policy.encryption === 'aws:kms:dsse' ? 'aws:kms:dsse' : 'aws:kms';
  return wrongKey
    ? `re-encrypt it with an allowed key: aws s3 cp ${uri} ${uri} --sse ${sse} --sse-kms-key-id <allowed key ARN>`
    : `re-upload it encrypted with a customer-managed KMS key: aws s3 cp ${uri} ${uri} --sse ${sse} --sse-kms-key-id <key ARN>`;
}

const PUBLIC_ACCESS_FIX = {
  s3: 'turn on all four Block Public Access settings for the bucket: aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  gs: 'enforce public access prevention on the bucket: gcloud storage buckets update gs://<bucket> --public-access-prevention (and remove allUsers/allAuthenticatedUsers bindings)',
} as const;

interface StorageInput {
  ref: ArtifactRef;
  stored: StoredArtifact;
  policy: ArtifactPolicy;
  couldNot: (error: unknown) => void;
  resolveKmsAlias: ResolveKmsAlias;
}

const notListed = (keyId: string) => `KMS key ${keyId} is not on the policy's list of allowed keys`;

async function judgeStorage(verdict: ArtifactVerdict, { ref, stored, policy, couldNot, resolveKmsAlias }: StorageInput): Promise<void> {
  const { encryption } = stored;
  verdict.facts.push(describeEncryption(encryption));
  let problem = encryptionProblem(encryption, policy);
  // Only a key not listed as itself can need KMS, and only then are aliases resolved.
  const askedKms = problem === undefined && encryption.kind === 'kms' && policy.kmsKeys.length > 0 && !keyIsListed(encryption.keyId, policy.kmsKeys);
  if (askedKms) {
    try {
      if (encryption.kind === 'kms' && !(await kmsKeyIsAllowed(encryption.keyId, policy.kmsKeys, resolveKmsAlias))) problem = notListed(encryption.keyId);
    } catch (error) {
      couldNot(error);
    }
  }
  if (problem) {
    verdict.problems.push(problem);
    verdict.fixes.push(encryptionFix(ref.scheme, verdict.uri, policy, encryption.kind === 'kms'));
  }
  if (stored.bucketDefault && 'error' in stored.bucketDefault) {
    couldNot(stored.bucketDefault.error);
  } else if (stored.bucketDefault && (await bucketDefaultIsWeaker(stored.bucketDefault.encryption, policy, askedKms ? resolveKmsAlias : undefined))) {
    // The object decides; a weaker bucket default is worth saying because the next upload inherits it.
    verdict.facts.push(`bucket default: ${describeEncryption(stored.bucketDefault.encryption)}`);
  }
  if ('error' in stored.publicAccess) {
    couldNot(stored.publicAccess.error);
  } else if (stored.publicAccess.possible) {
    verdict.problems.push(stored.publicAccess.detail);
    verdict.fixes.push(stored.publicAccess.fix ?? PUBLIC_ACCESS_FIX[ref.scheme].replace('<bucket>', ref.bucket));
  } else {
    verdict.facts.push(stored.publicAccess.detail);
  }
}

/**
 * Whether the bucket default is weaker than the policy, for the fact line only: KMS is asked only when
 * the object's own key already needed it (the answers for its region are cached by then); in doubt,
 * nothing is said.
 */
async function bucketDefaultIsWeaker(encryption: StoredArtifact['encryption'], policy: ArtifactPolicy, resolveKmsAlias: ResolveKmsAlias | undefined): Promise<boolean> {
  if (encryptionProblem(encryption, policy) !== undefined) return true;
  if (encryption.kind !== 'kms' || policy.kmsKeys.length === 0 || keyIsListed(encryption.keyId, policy.kmsKeys)) return false;
  if (!resolveKmsAlias) return aliasesThatCouldName(encryption.keyId, policy.kmsKeys).length === 0;
  return kmsKeyIsAllowed(encryption.keyId, policy.kmsKeys, resolveKmsAlias).then(
    (allowed) => !allowed,
    () => false,
  );
}

interface ChecksumInput {
  ref: ArtifactRef;
  uri: string;
  stored: StoredArtifact;
  store: ArtifactStore;
  policy: ArtifactPolicy;
  couldNot: (error: unknown) => void;
  deps: ArtifactVerifierDeps;
}

async function judgeChecksum(verdict: ArtifactVerdict, { ref, uri, stored, store, policy, couldNot, deps }: ChecksumInput): Promise<void> {
  const required = policy.requireChecksum ?? ref.sha256 !== undefined;
  if (!required) return;
  const declared = ref.sha256;
  if (declared === undefined) {
    verdict.problems.push('no sha256 declared, and the policy requires a verified checksum');
    verdict.fixes.push(`declare its sha256: donegate evidence submit … --criterion encrypted-artifact --artifact ${uri} --sha256 <sha256sum of the file>`);
    return;
  }
  let actual = stored.storedSha256;
  let how = 'stored checksum';
  if (actual === undefined) {
    // Hashing gigabytes to confirm an artifact that already fails would only delay the answer.
    if (verdict.problems.length > 0) return;
    const maxBytes = policy.hashMaxBytes ?? deps.hashMaxBytes;
    try {
      if (stored.size !== undefined && stored.size > maxBytes) throw tooLargeToHash(maxBytes);
      const body = await store.read(ref.bucket, ref.key);
      const total = body.size ?? stored.size;
      const onProgress = deps.onHashProgress;
      actual = await hashStream(body.stream, {
        maxBytes,
        ...(total !== undefined ? { total } : {}),
        ...(onProgress ? { onProgress: (progress: HashProgress) => onProgress(uri, progress) } : {}),
      });
      how = 'hashed';
    } catch (error) {
      couldNot(error);
      return;
    }
  }
  if (actual === declared) {
    verdict.facts.push(`sha256 matches (${how})`);
    return;
  }
  verdict.problems.push(`sha256 mismatch: declared ${declared.slice(0, 12)}…, stored object has ${actual.slice(0, 12)}… (${how})`);
  verdict.fixes.push(`upload the artifact that was built, or declare the sha256 of the stored one (sha256sum <file>)`);
}
