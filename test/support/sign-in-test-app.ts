import type { Server } from 'node:http';
import express from 'express';
import { createAuditLog } from '../../src/audit/audit-log.js';
import { parseOidcRoleMap } from '../../src/auth/oidc-role-map.js';
import { createTokenRepository } from '../../src/auth/token-repository.js';
import type { OidcConfig } from '../../src/config/env.js';
import { createSignInDeps } from '../../src/ui/auth/create-sign-in-deps.js';
import { createUiRouter } from '../../src/ui/create-ui-router.js';
import { captureLog } from './capture-log.js';
import type { TestDatabase } from './databases.js';
import { freePort } from './free-port.js';
import { fakeRegistry, inMemoryDecisions, inMemoryWaivers, mlPolicy } from './in-memory-worker-deps.js';
import type { LocalOidcProvider } from './local-oidc-provider.js';

export interface SignInTestApp {
  url: string;
  close(): Promise<void>;
}

/** The port the web app will listen on, known before it starts: the IdP needs the redirect URI first. */
export const signInAppPort = freePort;

/**
 * The web app alone (`/ui`, the real router and sign-in pages, its audit log in the store), served on `port`
 * as `http://127.0.0.1:<port>`; with `idp`, single sign-on through it, approvers=approver and *=viewer.
 */
export async function startSignInTestApp(store: TestDatabase, port: number, idp?: LocalOidcProvider): Promise<SignInTestApp> {
  const publicUrl = `http://127.0.0.1:${port}`;
  const { log } = captureLog('silent');
  const roles = parseOidcRoleMap('approvers=approver,auditors=auditor,*=viewer');
  if ('problems' in roles) throw new Error(roles.problems.join('; '));
  const oidc: OidcConfig | undefined = idp && {
    issuerUrl: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    scopes: 'openid email profile',
    roleClaim: 'groups',
    roleMap: roles.map,
    displayName: 'Local IdP',
  };
  const signIn = await createSignInDeps(store.db, { publicUrl, sessionIdleMinutes: 60, sessionMaxHours: 12, ...(oidc ? { oidc } : {}) });
  const noQueue = () => Promise.reject(new Error('no queue in this test'));
  const app = express();
  app.use(
    '/ui',
    createUiRouter({
      auth: { tokens: createTokenRepository(store.db), log },
      db: store.db,
      decisions: inMemoryDecisions(),
      waivers: inMemoryWaivers(),
      registry: fakeRegistry(),
      policy: () => mlPolicy(),
      enqueueReevaluation: noQueue,
      audit: createAuditLog(store.db),
      log,
      sessions: signIn.sessions,
      signIn,
    }),
  );
  const server: Server = app.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: publicUrl, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
