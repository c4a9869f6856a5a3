import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** Who a request speaks for: a token's user, the App itself (JWT), or the App in its installation. */
export type GithubCaller = { kind: 'user' } | { kind: 'app' } | { kind: 'installation' } | { kind: 'anonymous' };

export interface GithubAuthConfig {
  /** The personal token accepted as `token …` / `bearer …`. */
  token?: string;
  /** A GitHub App: its id and public key (JWTs are checked with it), and the installation tokens issued so far. */
  app?: { appId: string; publicKey: string | KeyObject };
  installationTokens: Set<string>;
}

/**
 * The caller of one request, from `Authorization` (https://docs.github.com/rest/authentication).
 * A JWT counts only when RS256-signed with the App's key, issued by the App and not expired.
 */
export function identifyGithubCaller(authorization: string | undefined, config: GithubAuthConfig, now = Date.now()): GithubCaller {
  const [scheme = '', credential = ''] = (authorization ?? '').split(' ', 2);
  if (!credential) return { kind: 'anonymous' };
  if (!['token', 'bearer'].includes(scheme.toLowerCase())) return { kind: 'anonymous' };
  if (config.token !== undefined && credential === config.token) return { kind: 'user' };
  if (config.installationTokens.has(credential)) return { kind: 'installation' };
  if (config.app && isAppJwt(credential, config.app, now)) return { kind: 'app' };
  return { kind: 'anonymous' };
}

function isAppJwt(jwt: string, app: NonNullable<GithubAuthConfig['app']>, now: number): boolean {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return false;
  try {
    const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown; exp?: unknown };
    if (head.alg !== 'RS256' || String(claims.iss) !== app.appId || typeof claims.exp !== 'number' || claims.exp * 1000 < now) return false;
    const key = typeof app.publicKey === 'string' ? createPublicKey(app.publicKey) : app.publicKey;
    return verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
