import { DescribeKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { createLookupCache } from '../lookup-cache.js';
import { ArtifactCheckError } from '../stored-artifact.js';
import { kmsAliasError } from './kms-alias-error.js';

/** The key an alias points to, as DescribeKey reports it. */
export interface KmsAliasTarget {
  arn: string;
  keyId: string;
}

/**
 * The key `alias` (an alias name or alias ARN) points to in `region` (undefined: the default region of
 * donegate's AWS configuration). Throws ArtifactCheckError when it cannot be resolved.
 */
export type ResolveKmsAlias = (alias: string, region: string | undefined) => Promise<KmsAliasTarget>;

export interface KmsAliasResolverDeps {
  /** A KMS client signing for `region`; aliases exist per region and account. */
  kmsClientFor(region: string | undefined): KMSClient;
  /** How long a resolved alias is trusted (an alias can be repointed at any time): 5 minutes. */
  ttlMs?: number;
  /** How long a failure is remembered, so a ticket's many artifacts ask once, not once each: 30 seconds. */
  failureTtlMs?: number;
  now?: () => number;
}

/**
 * DescribeKey on each alias, at most once per alias and region while the answer is fresh. Callers
 * that ask while a lookup is in flight share it.
 *
 * @example
 * const resolve = createKmsAliasResolver({ kmsClientFor: (region) => new KMSClient({ region }) });
 * const { arn } = await resolve('alias/ml-models', 'eu-west-1');
 */
export function createKmsAliasResolver(deps: KmsAliasResolverDeps): ResolveKmsAlias {
  const cache = createLookupCache<KmsAliasTarget>({ ttlMs: deps.ttlMs ?? 5 * 60_000, failureTtlMs: deps.failureTtlMs ?? 30_000, ...(deps.now ? { now: deps.now } : {}) });
  return (alias, region) => cache(`${region ?? ''}\n${alias}`, () => describeAlias(deps.kmsClientFor(region), alias, region));
}

async function describeAlias(client: KMSClient, alias: string, region: string | undefined): Promise<KmsAliasTarget> {
  let metadata;
  try {
    metadata = (await client.send(new DescribeKeyCommand({ KeyId: alias }))).KeyMetadata;
  } catch (error) {
    throw kmsAliasError(error, alias, region);
  }
  if (!metadata?.Arn || !metadata.KeyId) {
    throw new ArtifactCheckError(`the KMS alias ${alias} could not be resolved: DescribeKey answered without the key ARN`, 'list the key ARN in kmsKeys instead of the alias');
  }
  return { arn: metadata.Arn, keyId: metadata.KeyId };
}

/** For a donegate that cannot ask KMS: every alias lookup is a check that could not be made, saying why. */
export function unavailableKmsAliasResolver(reason: string, fix: string): ResolveKmsAlias {
  return (alias) => Promise.reject(new ArtifactCheckError(`the KMS alias ${alias} could not be resolved: ${reason}`, fix));
}
