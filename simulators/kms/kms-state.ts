import { randomUUID } from 'node:crypto';

export const SIM_KMS_ACCOUNT = '111122223333';

export interface SimKmsKey {
  region: string;
  keyId: string;
  arn: string;
  multiRegion: boolean;
  createdAt: Date;
}

/** What the KMS simulator holds: keys and aliases per region of one account, changed directly by tests. */
export class KmsSimulatorState {
  readonly keys = new Map<string, SimKmsKey>();
  /** `region` + `\n` + `alias/name` → key ARN: an alias exists in one region of one account. */
  readonly aliases = new Map<string, string>();
  /** Keys donegate's role may not describe: DescribeKey answers AccessDeniedException, by alias too. */
  readonly describeDenied = new Set<string>();

  createKey(region: string, options: { keyId?: string; multiRegion?: boolean } = {}): SimKmsKey {
    const keyId = options.keyId ?? (options.multiRegion ? `mrk-${randomUUID().replace(/-/g, '')}` : randomUUID());
    const key: SimKmsKey = { region, keyId, arn: `arn:aws:kms:${region}:${SIM_KMS_ACCOUNT}:key/${keyId}`, multiRegion: keyId.startsWith('mrk-'), createdAt: new Date() };
    this.keys.set(key.arn, key);
    return key;
  }

  /** Point `alias/name` in the key's region at the key (CreateAlias, or UpdateAlias when it exists). */
  setAlias(alias: string, key: SimKmsKey): void {
    this.aliases.set(`${key.region}\n${alias}`, key.arn);
  }

  denyDescribe(key: SimKmsKey): void {
    this.describeDenied.add(key.arn);
  }
}
