/** What re-reading POLICY_FILE came to in one process. A refused file leaves the old policy in force. */
export type PolicyReloadResult =
  | { status: 'reloaded'; oldHash: string; newHash: string; rules: number }
  | { status: 'invalid'; oldHash: string; problems: string[] };

/** Who asked: SIGHUP, a token through the API (`token:<name>`), or another process's API reload. */
export type PolicyReloadRequest = { via: 'signal' } | { via: 'api' | 'broadcast'; actor: string };

export type ReloadPolicy = (request: PolicyReloadRequest) => Promise<PolicyReloadResult>;
