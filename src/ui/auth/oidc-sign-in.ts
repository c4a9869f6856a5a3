import * as oidc from 'openid-client';
import type { OidcConfig } from '../../config/env.js';

/** What to keep between the redirect to the IdP and its answer, bound to the browser that started. */
export interface OidcAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** What the IdP vouched for, from the verified ID token (its claims, never its raw value). */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  claims: Readonly<Record<string, unknown>>;
}

export interface OidcSignIn {
  readonly displayName: string;
  /** A fresh state, nonce and PKCE verifier, and the IdP URL to send the browser to. */
  begin(): Promise<{ url: string; attempt: OidcAttempt }>;
  /** Exchanges the code in `callbackUrl` (PKCE, state and nonce checked), or throws with the reason. */
  finish(callbackUrl: URL, attempt: OidcAttempt): Promise<OidcIdentity>;
}

/**
 * Authorization code flow with PKCE, state and nonce, through `openid-client`. The IdP's metadata is fetched
 * on first use (not at start-up, so an IdP outage does not stop the gate), and again after a failure.
 */
export function createOidcSignIn(config: OidcConfig & { clientSecret?: string }, redirectUri: string): OidcSignIn {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = (): Promise<oidc.Configuration> => {
    discovered ??= oidc
      .discovery(
        new URL(config.issuerUrl),
        config.clientId,
        config.clientSecret,
        config.clientSecret === undefined ? oidc.None() : undefined,
        // Plain http only for a provider on this machine, which the configuration already insists on.
        new URL(config.issuerUrl).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
  return {
    displayName: config.displayName,
    async begin() {
      const settings = await configuration();
      const attempt = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(settings, {
        redirect_uri: redirectUri,
        scope: config.scopes,
        state: attempt.state,
        nonce: attempt.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, attempt };
    },
    async finish(callbackUrl, attempt) {
      const settings = await configuration();
      const tokens = await oidc.authorizationCodeGrant(settings, callbackUrl, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the identity provider sent no ID token');
      return { issuer: claims.iss, subject: claims.sub, claims };
    },
  };
}
