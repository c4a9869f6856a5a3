import { readFile } from 'node:fs/promises';
import { createSignInLinks } from '../../auth/sign-in-links.js';
import type { UiConfig } from '../../config/env.js';
import type { Database } from '../../store/database.js';
import { createUiSessions } from './create-ui-sessions.js';
import { createOidcAttempts } from './oidc-attempts.js';
import { createOidcSignIn } from './oidc-sign-in.js';
import type { SignInDeps } from './sign-in-deps.js';

/** Thrown at start-up when OIDC_CLIENT_SECRET_FILE cannot be read; the message names the variable. */
export class OidcSecretFileError extends Error {
  override readonly name = 'OidcSecretFileError';
}

/** Sessions, sign-in links and (when configured) single sign-on, from the `UI_*` and `OIDC_*` settings. */
export async function createSignInDeps(db: Database, ui: UiConfig, now?: () => Date): Promise<SignInDeps> {
  const secure = ui.publicUrl?.startsWith('https:') ?? false;
  const sessions = createUiSessions(db, { idleMinutes: ui.sessionIdleMinutes, maxHours: ui.sessionMaxHours, secure, ...(now ? { now } : {}) });
  const links = createSignInLinks(db, now);
  const config = ui.oidc;
  if (!config || ui.publicUrl === undefined) return { sessions, links, secure };
  let clientSecret = config.clientSecret;
  if (config.clientSecretFile !== undefined) {
    try {
      clientSecret = (await readFile(config.clientSecretFile, 'utf8')).trim();
    } catch (error) {
      throw new OidcSecretFileError(`OIDC_CLIENT_SECRET_FILE: cannot read ${config.clientSecretFile} (${(error as NodeJS.ErrnoException).code ?? 'error'}); mount the secret there or set OIDC_CLIENT_SECRET`);
    }
  }
  return {
    sessions,
    links,
    secure,
    oidc: {
      signIn: createOidcSignIn({ ...config, ...(clientSecret ? { clientSecret } : {}) }, `${ui.publicUrl}/ui/auth/callback`),
      attempts: createOidcAttempts(db, now),
      publicUrl: ui.publicUrl,
      roleClaim: config.roleClaim,
      roleMap: config.roleMap,
      ...(config.projectsClaim ? { projectsClaim: config.projectsClaim } : {}),
    },
  };
}
