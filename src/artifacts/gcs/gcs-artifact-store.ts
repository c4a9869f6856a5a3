import type { Bucket, Storage } from '@google-cloud/storage';
import type { ArtifactBody, ArtifactStore, StoredArtifact, StoredEncryption } from '../stored-artifact.js';
import { gcsCheckError } from './gcs-check-error.js';

const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

/**
 * Objects in Google Cloud Storage through @google-cloud/storage (Application Default Credentials).
 * Needs storage.objects.get, storage.buckets.get and storage.buckets.getIamPolicy.
 */
export function createGcsArtifactStore(storage: Storage): ArtifactStore {
  return {
    async inspect(bucketName, name): Promise<StoredArtifact> {
      const bucket = storage.bucket(bucketName);
      const resource = `gs://${bucketName}/${name}`;
      let metadata: { kmsKeyName?: string; customerEncryption?: { encryptionAlgorithm?: string }; size?: string | number };
      try {
        [metadata] = await bucket.file(name).getMetadata();
      } catch (error) {
        throw gcsCheckError(error, { operation: 'objects.get', permission: 'storage.objects.get', resource });
      }
      const size = metadata.size === undefined ? undefined : Number(metadata.size);
      return {
        encryption: objectEncryption(metadata),
        publicAccess: await publicAccessOf(bucket, bucketName),
        // GCS keeps md5 and crc32c, never a sha256: a declared sha256 is always checked by hashing.
        ...(size !== undefined && Number.isFinite(size) ? { size } : {}),
      };
    },

    async read(bucketName, name): Promise<ArtifactBody> {
      const file = storage.bucket(bucketName).file(name);
      // Open the stream only after the object answered, so a denial is an error here and not mid-hash.
      try {
        await file.getMetadata();
      } catch (error) {
        throw gcsCheckError(error, { operation: 'objects.get', permission: 'storage.objects.get', resource: `gs://${bucketName}/${name}` });
      }
      const stream = file.createReadStream({ validation: false });
      return {
        stream: (async function* () {
          try {
            for await (const chunk of stream) yield chunk as Uint8Array;
          } catch (error) {
            throw gcsCheckError(error, { operation: 'objects.get (media)', permission: 'storage.objects.get', resource: `gs://${bucketName}/${name}` });
          }
        })(),
      };
    },
  };
}

function objectEncryption(metadata: { kmsKeyName?: string; customerEncryption?: { encryptionAlgorithm?: string } }): StoredEncryption {
  if (metadata.kmsKeyName) return { kind: 'kms', algorithm: 'gcs-cmek', keyId: metadata.kmsKeyName };
  if (metadata.customerEncryption) return { kind: 'customer-supplied', label: 'CSEK (customer-supplied key)' };
  // GCS encrypts every object; without a CMEK or CSEK the key is Google's.
  return { kind: 'provider-managed', label: 'Google-managed encryption key' };
}

/**
 * Public access is ruled out when public access prevention is enforced, or when uniform bucket-level
 * access is on and no IAM binding grants allUsers or allAuthenticatedUsers.
 */
async function publicAccessOf(bucket: Bucket, bucketName: string): Promise<StoredArtifact['publicAccess']> {
  const resource = `gs://${bucketName}`;
  try {
    const [metadata] = await bucket.getMetadata();
    const iam = (metadata as { iamConfiguration?: { publicAccessPrevention?: string; uniformBucketLevelAccess?: { enabled?: boolean } } }).iamConfiguration;
    if (iam?.publicAccessPrevention === 'enforced') return { possible: false, detail: 'public access prevention enforced' };
    const [policy] = await bucket.iam.getPolicy({ requestedPolicyVersion: 3 });
    const grants = (policy.bindings ?? []).filter((binding) => (binding.members ?? []).some((member) => PUBLIC_MEMBERS.has(member)));
    if (grants.length > 0) return { possible: true, detail: `public access possible: the bucket IAM policy grants ${grants.map((b) => b.role).join(', ')} to allUsers or allAuthenticatedUsers` };
    if (!iam?.uniformBucketLevelAccess?.enabled) return { possible: true, detail: 'public access possible: object ACLs are on (uniform bucket-level access is off) and public access prevention is not enforced' };
    return { possible: false, detail: 'no public members in the bucket IAM policy' };
  } catch (error) {
    return { error: gcsCheckError(error, { operation: 'buckets.get / buckets.getIamPolicy', permission: 'storage.buckets.get and storage.buckets.getIamPolicy', resource }) };
  }
}
