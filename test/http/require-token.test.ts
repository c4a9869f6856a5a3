import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { projectKeyOf } from '../../src/auth/project-key.js';
import { principalOf } from '../../src/auth/principal-of.js';
import { requireToken } from '../../src/http/require-token.js';
import { createTokenRepository, type TokenRepository } from '../../src/auth/token-repository.js';
import { captureLog } from '../support/capture-log.js';
import { STORES, type TestDatabase } from '../support/databases.js';

interface Answer {
  status: number;
  headers: Headers;
  body: { error?: { code: string; message: string }; principal?: unknown };
}

describe.each(STORES)('requireToken on %s', (_name, open) => {
  let store: TestDatabase;
  let tokens: TokenRepository;
  let server: http.Server;
  let url: string;
  const captured = captureLog('debug');
  /** Every token value handed out in this suite, to prove none of them reaches a log line. */
  const issued: string[] = [];

  const issue = async (name: string, role: 'ci' | 'auditor' | 'approver' | 'admin', projects: string[] = []) => {
    const { token } = await tokens.create({ name, role, projects });
    issued.push(token);
    return token;
  };
  const call = async (path: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    store = await open();
    tokens = createTokenRepository(store.db);
    const deps = { tokens, log: captured.log };
    const app = express();
    app.post(
      '/tickets/:key/evidence',
      requireToken(deps, 'evidence:write', { projectOf: (req) => projectKeyOf(String(req.params.key)) }),
      (_req, res) => {
        res.json({ principal: principalOf(res) });
      },
    );
    app.post('/tokens', requireToken(deps, 'tokens:manage'), (_req, res) => {
      res.json({ principal: principalOf(res) });
    });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await store.drop();
  });

  describe('when the request is not authenticated', () => {
    it('answers 401 with WWW-Authenticate and how to get a token when the header is missing', async () => {
      const answer = await call('/tickets/ML-142/evidence');
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="donegate"');
      expect(answer.body.error?.code).toBe('UNAUTHENTICATED');
      expect(answer.body.error?.message).toContain('donegate token create');
    });

    it.each([
      ['another scheme', 'Basic dXNlcjpwYXNz'],
      ['a bearer without a token', 'Bearer'],
      ['a token that is not a donegate token', 'Bearer abc.def.ghi'],
    ])('answers 401 for a malformed header: %s', async (_case, header) => {
      const answer = await call('/tickets/ML-142/evidence', { authorization: header });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="donegate"');
      expect(answer.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('donegate token create') });
    });

    it('answers 401 for a well-formed token that was never issued', async () => {
      const answer = await call('/tickets/ML-142/evidence', bearer(`dg_${'Z'.repeat(43)}`));
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="donegate"');
    });

    it('answers 401 for a token that has been revoked, though it worked before', async () => {
      const token = await issue('revoked-ci', 'ci');
      expect((await call('/tickets/ML-142/evidence', bearer(token))).status).toBe(200);
      await tokens.revoke('revoked-ci');
      const answer = await call('/tickets/ML-142/evidence', bearer(token));
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="donegate"');
      expect(answer.body.error?.message).toMatch(/revoked/);
    });
  });

  describe('when the token is valid', () => {
    it('puts the principal on res.locals for the handler', async () => {
      const token = await issue('ci-everything', 'ci');
      const answer = await call('/tickets/PLAT-3/evidence', bearer(token));
      expect(answer.status).toBe(200);
      expect(answer.body.principal).toEqual({ tokenId: expect.any(String), name: 'ci-everything', role: 'ci', projects: [] });
    });

    it('accepts the scheme in any case', async () => {
      const token = await issue('ci-lowercase-scheme', 'ci');
      expect((await call('/tickets/ML-1/evidence', { authorization: `bearer ${token}` })).status).toBe(200);
    });

    it('answers 403 FORBIDDEN_ROLE naming the role and the permission when the role lacks it', async () => {
      const token = await issue('auditor-1', 'auditor');
      const answer = await call('/tickets/ML-142/evidence', bearer(token));
      expect(answer.status).toBe(403);
      expect(answer.headers.get('www-authenticate')).toBeNull();
      expect(answer.body.error?.code).toBe('FORBIDDEN_ROLE');
      expect(answer.body.error?.message).toContain('auditor');
      expect(answer.body.error?.message).toContain('evidence:write');
    });

    it('refuses a non-admin token on a route that manages tokens', async () => {
      const token = await issue('ci-not-admin', 'ci');
      expect((await call('/tokens', bearer(token))).body.error?.code).toBe('FORBIDDEN_ROLE');
      const admin = await issue('admin-1', 'admin');
      expect((await call('/tokens', bearer(admin))).status).toBe(200);
    });
  });

  describe('when the token is scoped to projects', () => {
    it('allows a ticket in its project, whatever the case of the key', async () => {
      const token = await issue('ci-ml', 'ci', ['ML', 'AI']);
      expect((await call('/tickets/ML-142/evidence', bearer(token))).status).toBe(200);
      const answer = await call('/tickets/ai-7/evidence', bearer(token));
      expect(answer.status).toBe(200);
      expect(answer.body.principal).toMatchObject({ name: 'ci-ml', projects: ['ML', 'AI'] });
    });

    it('answers 403 FORBIDDEN_PROJECT naming the project and the token projects for a ticket elsewhere', async () => {
      const token = await issue('ci-ml-only', 'ci', ['ML']);
      const answer = await call('/tickets/PLAT-9/evidence', bearer(token));
      expect(answer.status).toBe(403);
      expect(answer.body.error?.code).toBe('FORBIDDEN_PROJECT');
      expect(answer.body.error?.message).toContain('PLAT');
      expect(answer.body.error?.message).toContain('ML');
    });

    it('checks only the role on a route that names no project', async () => {
      const token = await issue('admin-ml', 'admin', ['ML']);
      expect((await call('/tokens', bearer(token))).status).toBe(200);
    });
  });

  it('never writes a token value to the log, only names and prefixes', async () => {
    expect(issued.length).toBeGreaterThan(5);
    const text = captured.text();
    expect(text).toContain('"tokenName":"auditor-1"');
    for (const token of issued) {
      expect(text).not.toContain(token);
      // Not even a part longer than the 8-character prefix.
      expect(text).not.toContain(token.slice(0, 12));
    }
  });
});
