import type { OidcRoleMap } from '../../auth/oidc-role-map.js';
import type { SignInLinks } from '../../auth/sign-in-links.js';
import type { OidcAttempts } from './oidc-attempts.js';
import type { OidcSignIn } from './oidc-sign-in.js';
import type { UiSessionStore } from './ui-sessions.js';

/** What the sign-in pages need: where sessions live, the links, and the IdP when single sign-on is set up. */
export interface SignInDeps {
  sessions: UiSessionStore;
  links: SignInLinks;
  oidc?: {
    signIn: OidcSignIn;
    attempts: OidcAttempts;
    /** `UI_PUBLIC_URL`: the callback URL the IdP redirected to is rebuilt on it, not on Host headers. */
    publicUrl: string;
    roleClaim: string;
    roleMap: OidcRoleMap;
    projectsClaim?: string;
  };
  /** `Secure` cookies (`UI_PUBLIC_URL` is https). */
  secure: boolean;
}
