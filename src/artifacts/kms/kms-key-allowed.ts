import { keyIsListed } from '../judge-encryption.js';
import { parseKmsKeyEntry } from '../kms-key-entry.js';
import type { ResolveKmsAlias } from './resolve-kms-alias.js';

const KEY_ARN = /^arn:aws(?:-[a-z]+)*:kms:([^:]+):(\d{12}):key\/[^/]+$/;
const BARE_KEY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

export interface AliasLookup {
  /** What DescribeKey is asked for: the entry as listed, `alias/name` or an alias ARN. */
  alias: string;
  /** The region to ask in; undefined for a bare key id, whose region nobody reported. */
  region: string | undefined;
}

/**
 * The listed aliases that could point at `keyId`. An alias and its key share a region and account: an
 * alias name is looked up in the key's region (in the account of donegate's credentials), and an alias
 * ARN of another region or account is skipped without asking. A key that is not an AWS KMS key (GCS)
 * has none.
 */
export function aliasesThatCouldName(keyId: string, allowed: readonly string[]): AliasLookup[] {
  const arn = KEY_ARN.exec(keyId);
  if (!arn && !BARE_KEY_ID.test(keyId)) return [];
  const lookups: AliasLookup[] = [];
  for (const listed of allowed) {
    const entry = parseKmsKeyEntry(listed);
    if (entry?.kind !== 'alias') continue;
    if (entry.region === undefined) lookups.push({ alias: entry.name, region: arn?.[1] });
    else if (!arn || (entry.region === arn[1] && entry.account === arn[2])) lookups.push({ alias: entry.entry, region: entry.region });
  }
  return lookups;
}

/**
 * Whether the KMS key an object names is on the list: as itself or its key id first, and only then
 * through the listed aliases, resolved with DescribeKey. An alias that cannot be resolved throws (the
 * artifact could not be checked) unless another alias already matched.
 */
export async function kmsKeyIsAllowed(keyId: string, allowed: readonly string[], resolveAlias: ResolveKmsAlias): Promise<boolean> {
  if (keyIsListed(keyId, allowed)) return true;
  const answers = await Promise.allSettled(aliasesThatCouldName(keyId, allowed).map(({ alias, region }) => resolveAlias(alias, region)));
  if (answers.some((answer) => answer.status === 'fulfilled' && (answer.value.arn === keyId || answer.value.keyId === keyId))) return true;
  const failed = answers.find((answer) => answer.status === 'rejected');
  if (failed) throw failed.reason;
  return false;
}
