import { GetPublicAccessBlockCommand, type S3Client } from '@aws-sdk/client-s3';
import { ArtifactCheckError, type StoredArtifact } from '../stored-artifact.js';
import type { AccountPublicAccessBlock, AccountPublicAccessBlockReader } from './account-public-access-block.js';
import { ALL_FOUR_ON, settingsOff, type BlockConfiguration, type BlockSetting } from './block-settings.js';
import type { ConfirmBucketOwner } from './bucket-owner.js';
import { s3CheckError } from './s3-check-error.js';

/**
 * Whether the bucket could make the object public. Each Block Public Access setting is in force when it is
 * on for the bucket OR for the account (S3 applies the most restrictive combination), so the account level
 * is read only when the bucket's own block leaves a setting off, and only with `accountLevel` (AWS S3;
 * S3-compatible stores have no account level). Without it, the bucket's block alone decides.
 *
 * The account level that applies is the bucket OWNER's. donegate can read only its own account's block,
 * so it first confirms the bucket is in that account; a bucket of another account (a shared model
 * registry) with a partial block is could-not-check, since that account's block may or may not cover it.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 */
export async function publicAccessOf(
  client: S3Client,
  bucket: string,
  accountLevel?: { reader: AccountPublicAccessBlockReader; confirmOwner: ConfirmBucketOwner },
): Promise<StoredArtifact['publicAccess']> {
  let bucketBlock: BlockConfiguration | undefined;
  try {
    bucketBlock = (await client.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration ?? {};
  } catch (error) {
    if ((error as { name?: string }).name !== 'NoSuchPublicAccessBlockConfiguration') {
      return { error: s3CheckError(error, { operation: 'GetPublicAccessBlock', permission: 's3:GetBucketPublicAccessBlock', resource: `arn:aws:s3:::${bucket}` }) };
    }
  }
  const offAtBucket = settingsOff(bucketBlock);
  if (offAtBucket.length === 0) return { possible: false, detail: 'public access blocked' };
  const atBucket = bucketBlock ? `the bucket's public access block has ${offAtBucket.join(', ')} off` : 'the bucket has no public access block';
  if (!accountLevel) return { possible: true, detail: `public access possible: ${atBucket}` };

  let account: AccountPublicAccessBlock;
  try {
    const accountId = await accountLevel.reader.callerAccount();
    if ((await accountLevel.confirmOwner(bucket, accountId)) === 'another account') return { error: ownedElsewhere(bucket, accountId, atBucket) };
    account = await accountLevel.reader.accountBlock(accountId);
  } catch (error) {
    if (error instanceof ArtifactCheckError) return { error };
    throw error;
  }
  const stillOff = offAtBucket.filter((setting) => account.block?.[setting] !== true);
  if (stillOff.length === 0) {
    return { possible: false, detail: `public access blocked (${bucketBlock ? 'bucket and account' : 'account'}-level Block Public Access of account ${account.accountId})` };
  }
  return { possible: true, detail: `public access possible: ${stillOff.join(', ')} off for both the bucket and its account (${atBucket}; ${atAccount(account)})`, fix: fixFor(bucket, account.accountId, stillOff) };
}

function ownedElsewhere(bucket: string, callerAccountId: string, atBucket: string): ArtifactCheckError {
  return new ArtifactCheckError(
    `public access could not be checked: the bucket belongs to another AWS account (not ${callerAccountId}), whose account-level Block Public Access donegate cannot read, and ${atBucket}`,
    `turn on all four Block Public Access settings on the bucket itself: aws s3api put-public-access-block --bucket ${bucket} --public-access-block-configuration ${ALL_FOUR_ON}`,
  );
}

function atAccount({ accountId, block }: AccountPublicAccessBlock): string {
  return block ? `account ${accountId}'s public access block has ${settingsOff(block).join(', ')} off` : `account ${accountId} has no account-level public access block`;
}

function fixFor(bucket: string, accountId: string, off: BlockSetting[]): string {
  return (
    `turn on ${off.join(', ')} at either level: for the bucket, aws s3api put-public-access-block --bucket ${bucket} --public-access-block-configuration ${ALL_FOUR_ON}; ` +
    `or for every bucket of the account, aws s3control put-public-access-block --account-id ${accountId} --public-access-block-configuration ${ALL_FOUR_ON}`
  );
}
