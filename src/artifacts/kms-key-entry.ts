/**
 * One entry of `kmsKeys`, read by its form. AWS forms as KMS documents them for DescribeKey's KeyId:
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html
 */
export type KmsKeyEntry =
  | { kind: 'key-arn'; entry: string; region: string; account: string; keyId: string }
  | { kind: 'key-id'; entry: string; keyId: string }
  /** `alias/name`, or an alias ARN (which carries the region and account the alias lives in). */
  | { kind: 'alias'; entry: string; name: string; region?: string; account?: string }
  /** A Cloud KMS key name, optionally with a key version. */
  | { kind: 'gcs-key'; entry: string }
  /**
   * MinIO (KES) reports its keys as `arn:aws:kms:` followed by the key name, with no region or account
   * (MinIO's crypto.ARNPrefix), so that form is listed as it is reported.
   */
  | { kind: 'store-key-name'; entry: string };

// Key ids are UUIDs; multi-Region keys are `mrk-` and 32 hex digits.
const KEY_ID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})';
// Alias names: letters, digits, `/`, `_`, `-`, at most 256 characters with the prefix.
const ALIAS = '(alias/[A-Za-z0-9/_-]{1,250})';
const ARN_PREFIX = 'arn:aws(?:-[a-z]+)*:kms:([a-z]{2}(?:-[a-z]+)+-\\d+):(\\d{12}):';

const KEY_ARN = new RegExp(`^${ARN_PREFIX}key/${KEY_ID}$`);
const ALIAS_ARN = new RegExp(`^${ARN_PREFIX}${ALIAS}$`);
const BARE_KEY_ID = new RegExp(`^${KEY_ID}$`);
const ALIAS_NAME = new RegExp(`^${ALIAS}$`);
const STORE_KEY_NAME = /^arn:aws:kms:[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const GCS_KEY = /^projects\/[^/\s]+\/locations\/[^/\s]+\/keyRings\/[^/\s]+\/cryptoKeys\/[^/\s]+(\/cryptoKeyVersions\/[^/\s]+)?$/;

export const KMS_KEY_FORMS =
  'a key ARN (arn:aws:kms:<region>:<account>:key/<key id>), a key id (a UUID or mrk-…), an alias (alias/<name>), an alias ARN (arn:aws:kms:<region>:<account>:alias/<name>) a Cloud KMS key name (projects/…/locations/…/keyRings/…/cryptoKeys/…) or a MinIO KES key as MinIO reports it (arn:aws:kms:<key name>)';

/** The entry's form; undefined when it is none of KMS_KEY_FORMS. */
export function parseKmsKeyEntry(entry: string): KmsKeyEntry | undefined {
  let match = KEY_ARN.exec(entry);
  if (match) return { kind: 'key-arn', entry, region: match[1]!, account: match[2]!, keyId: match[3]! };
  match = ALIAS_ARN.exec(entry);
  if (match) return { kind: 'alias', entry, region: match[1]!, account: match[2]!, name: match[3]! };
  match = BARE_KEY_ID.exec(entry);
  if (match) return { kind: 'key-id', entry, keyId: match[1]! };
  match = ALIAS_NAME.exec(entry);
  if (match) return { kind: 'alias', entry, name: match[1]! };
  if (STORE_KEY_NAME.test(entry)) return { kind: 'store-key-name', entry };
  return GCS_KEY.test(entry) ? { kind: 'gcs-key', entry } : undefined;
}
