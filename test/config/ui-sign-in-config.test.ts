import { ConfigError, loadConfig } from '../../src/config/env.js';

const oidc = {
  OIDC_ISSUER_URL: 'https://example.okta.com',
  OIDC_CLIENT_ID: 'donegate',
  OIDC_CLIENT_SECRET: 'client-secret-value',
  UI_PUBLIC_URL: 'https://donegate.example.com/',
  OIDC_ROLE_MAP: 'approvers=approver,*=viewer',
};

describe('web app sign-in settings', () => {
  it('defaults to sign-in links only, 60 minutes idle and 12 hours at most', () => {
    expect(loadConfig({}).ui).toEqual({ sessionIdleMinutes: 60, sessionMaxHours: 12 });
  });

  it('turns single sign-on on with the issuer, client, public URL and role map', () => {
    const { ui } = loadConfig(oidc);
    expect(ui.publicUrl).toBe('https://donegate.example.com');
    expect(ui.oidc).toMatchObject({ issuerUrl: 'https://example.okta.com', clientId: 'donegate', scopes: 'openid email profile', roleClaim: 'groups', displayName: 'example.okta.com' });
    expect([...ui.oidc!.roleMap]).toEqual([['approvers', 'approver'], ['*', 'viewer']]);
  });

  it('names each missing or wrong variable, and never echoes the secret', () => {
    const refuse = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.message;
        throw error;
      }
      throw new Error('accepted');
    };
    const message = refuse({ OIDC_ISSUER_URL: 'http://idp.example.com', OIDC_CLIENT_SECRET: 'client-secret-value', OIDC_ROLE_MAP: 'pipelines=ci', OIDC_SCOPES: 'email' });
    for (const name of ['OIDC_ISSUER_URL: must be https', 'OIDC_CLIENT_ID: required', 'UI_PUBLIC_URL: required', 'OIDC_SCOPES: must include openid', 'OIDC_ROLE_MAP: "pipelines=ci"']) expect(message).toContain(name);
    expect(message).not.toContain('client-secret-value');
    expect(refuse({ ...oidc, OIDC_ROLE_MAP: '' })).toContain('OIDC_ROLE_MAP: required with OIDC_ISSUER_URL');
    expect(refuse({ ...oidc, OIDC_CLIENT_SECRET_FILE: '/run/secrets/x' })).toContain('OIDC_CLIENT_SECRET_FILE: set it or OIDC_CLIENT_SECRET, not both');
  });

  it('accepts a plain-http issuer on this machine only (tests, local IdPs)', () => {
    expect(loadConfig({ ...oidc, OIDC_ISSUER_URL: 'http://127.0.0.1:8080' }).ui.oidc?.issuerUrl).toBe('http://127.0.0.1:8080');
  });
});
