import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './free-port.js';

export interface LocalOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (`oidc-provider`) on this machine: one confidential client that must use PKCE, and
 * its development login form, where any login name is an account whose groups are `groupsOf(login)`.
 */
export async function startLocalOidcProvider(redirectUri: string, groupsOf: (login: string) => string[]): Promise<LocalOidcProvider> {
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const clientId = 'donegate';
  const clientSecret = 'local-test-client-secret';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    pkce: { required: () => true },
    // The groups ride in the ID token, as Okta and Entra ID put them there when configured to.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'groups'], profile: ['name'] },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: `${id}@example.com`, name: id, groups: groupsOf(id) }) }),
    cookies: { keys: ['local-test-cookie-key'] },
  });
  const server: Server = provider.listen(port);
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
