/** The four S3 Block Public Access settings, at the bucket or the account level. */
export const BLOCK_SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

export type BlockSetting = (typeof BLOCK_SETTINGS)[number];

/** A PublicAccessBlockConfiguration as S3 or S3 Control answers it; a setting left out is off. */
export type BlockConfiguration = Partial<Record<BlockSetting, boolean | undefined>>;

/** The settings that are off; with no configuration at all, every one. */
export function settingsOff(config: BlockConfiguration | undefined): BlockSetting[] {
  return BLOCK_SETTINGS.filter((setting) => config?.[setting] !== true);
}

/** What `put-public-access-block` takes: it replaces the whole configuration, so all four are named. */
export const ALL_FOUR_ON = BLOCK_SETTINGS.map((setting) => `${setting}=true`).join(',');
