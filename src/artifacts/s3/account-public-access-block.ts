import { GetPublicAccessBlockCommand, type S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { createLookupCache } from '../lookup-cache.js';
import { ArtifactCheckError } from '../stored-artifact.js';
import { accountBlockError } from './account-block-error.js';
import type { BlockConfiguration } from './block-settings.js';

/** The account-level Block Public Access of the account donegate's credentials belong to. */
export interface AccountPublicAccessBlock {
  accountId: string;
  /** Undefined when the account has none (every setting off). */
  block?: BlockConfiguration;
}

/** The caller's account and its account-level block; each throws ArtifactCheckError when it cannot be read. */
export interface AccountPublicAccessBlockReader {
  /** The account donegate's credentials belong to (STS GetCallerIdentity). */
  callerAccount(): Promise<string>;
  /** That account's block (S3 Control GetPublicAccessBlock). */
  accountBlock(accountId: string): Promise<AccountPublicAccessBlock>;
}

export interface AccountPublicAccessBlockDeps {
  sts: STSClient;
  s3Control: S3ControlClient;
  /** How long an account's block is trusted: 5 minutes. The account id is kept for the reader's life. */
  ttlMs?: number;
  /** How long a failure is remembered: 30 seconds. */
  failureTtlMs?: number;
  now?: () => number;
}

/**
 * The account-level block of the caller's account: STS GetCallerIdentity names the account, S3 Control
 * GetPublicAccessBlock reads its block. It governs only that account's buckets, so the caller confirms a
 * bucket's owner (bucket-owner.ts) before combining the two.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 */
export function createAccountPublicAccessBlockReader(deps: AccountPublicAccessBlockDeps): AccountPublicAccessBlockReader {
  const failureTtlMs = deps.failureTtlMs ?? 30_000;
  const times = { failureTtlMs, ...(deps.now ? { now: deps.now } : {}) };
  const accountIds = createLookupCache<string>({ ttlMs: Number.POSITIVE_INFINITY, ...times });
  const blocks = createLookupCache<AccountPublicAccessBlock>({ ttlMs: deps.ttlMs ?? 5 * 60_000, ...times });
  return {
    callerAccount: () => accountIds('', () => callerAccount(deps.sts)),
    accountBlock: (accountId) => blocks(accountId, () => accountBlock(deps.s3Control, accountId)),
  };
}

async function callerAccount(sts: STSClient): Promise<string> {
  let account: string | undefined;
  try {
    account = (await sts.send(new GetCallerIdentityCommand({}))).Account;
  } catch (error) {
    throw accountBlockError(error, 'sts');
  }
  if (!account) throw new ArtifactCheckError('STS GetCallerIdentity answered without an account id', 'retry; if it persists, check STS_ENDPOINT');
  return account;
}

async function accountBlock(s3Control: S3ControlClient, accountId: string): Promise<AccountPublicAccessBlock> {
  try {
    const answer = await s3Control.send(new GetPublicAccessBlockCommand({ AccountId: accountId }));
    return { accountId, block: answer.PublicAccessBlockConfiguration ?? {} };
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchPublicAccessBlockConfiguration') return { accountId };
    throw accountBlockError(error, 's3control');
  }
}
