import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createAuditLog } from '../../src/audit/audit-log.js';
import { readAuditBatches } from '../../src/audit/read-audit-entries.js';
import { createTokenRepository, type TokenRepository } from '../../src/auth/token-repository.js';
import { createAuditVerifyRoute } from '../../src/http/audit-verify-route.js';
import { createTokenRoutes } from '../../src/http/token-routes.js';
import { createWaiverAdminRoutes } from '../../src/http/waiver-admin-routes.js';
import { createWaiverRoutes } from '../../src/http/waiver-routes.js';
import { createCriterionRegistry } from '../../src/criteria/registry.js';
import { createWaiverRepository, type WaiverRepository } from '../../src/waivers/waiver-repository.js';
import type { Policy } from '../../src/policy/policy.js';
import { captureLog } from '../support/capture-log.js';
import { STORES, type TestDatabase } from '../support/databases.js';

type Role = 'ci' | 'auditor' | 'approver' | 'admin';
interface Answer {
  status: number;
  text: string;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
}

describe.each(STORES)('admin routes on %s', (_name, open) => {
  let store: TestDatabase;
  let tokens: TokenRepository;
  let waivers: WaiverRepository;
  let server: http.Server;
  let url: string;
  const captured = captureLog('debug');
  const reevaluations: string[] = [];
  const issued: Partial<Record<string, string>> = {};

  const issue = async (name: string, role: Role, projects: string[] = []) => {
    const { token } = await tokens.create({ name, role, projects });
    issued[name] = token;
    return token;
  };
  const call = async (method: 'GET' | 'POST', path: string, token: string | undefined, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
  };
  const auditTypes = async (): Promise<Array<{ type: string; actor: string; data: Record<string, unknown> }>> => {
    const entries = [];
    for await (const batch of readAuditBatches(store.db, { fromSeq: 1 })) entries.push(...batch);
    return entries.map((e) => ({ type: e.type, actor: e.actor, data: e.data as Record<string, unknown> }));
  };

  beforeAll(async () => {
    store = await open();
    tokens = createTokenRepository(store.db);
    waivers = createWaiverRepository(store.db);
    const auth = { tokens, log: captured.log };
    const audit = createAuditLog(store.db);
    const waiverDeps = {
      auth,
      waivers,
      registry: createCriterionRegistry(),
      policy: () => ({ waivers: { maxDays: 90 } }) as Policy,
      enqueueReevaluation: async (request: { triggerId: string }) => {
        reevaluations.push(request.triggerId);
      },
      audit,
    };
    const app = express();
    app.use('/api/v1', createTokenRoutes({ auth, tokens, audit }));
    app.use('/api/v1', createAuditVerifyRoute({ auth, db: store.db }));
    app.use('/api/v1', createWaiverRoutes(waiverDeps));
    app.use('/api/v1', createWaiverAdminRoutes(waiverDeps));
    server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await issue('root', 'admin');
    await issue('ci-main', 'ci');
    await issue('auditor', 'auditor');
    await issue('approver-ml', 'approver', ['ML']);
    await issue('approver-all', 'approver');
    await issue('auditor-ml', 'auditor', ['ML']);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await store.drop();
  });

  describe('tokens', () => {
    it.each([
      ['ci-main', 403],
      ['auditor', 403],
      ['approver-all', 403],
    ] as const)('refuses %s (%i): only admin tokens manage tokens', async (name, status) => {
      expect((await call('GET', '/tokens', issued[name])).status).toBe(status);
      expect((await call('POST', '/tokens', issued[name], { role: 'ci', name: `by-${name}` })).status).toBe(status);
      expect((await call('POST', '/tokens/ci-main/revoke', issued[name])).status).toBe(status);
    });

    it('refuses a request without a token with 401', async () => {
      expect((await call('GET', '/tokens', undefined)).status).toBe(401);
    });

    it('creates a token shown once, usable at once, audited as the acting admin', async () => {
      const created = await call('POST', '/tokens', issued.root, { role: 'ci', name: 'ci-api', projects: 'ml,jira:ai' });
      expect(created.status).toBe(201);
      const secret = created.body.token as string;
      expect(secret).toMatch(/^dg_[A-Za-z0-9_-]{43}$/);
      expect(created.body.record).toMatchObject({ name: 'ci-api', role: 'ci', projects: ['ML', 'jira:AI'], createdBy: 'token:root', revokedAt: null });
      expect((await tokens.authenticate(secret))?.name).toBe('ci-api');
      const entry = (await auditTypes()).find((e) => e.type === 'token-created' && e.data.name === 'ci-api');
      expect(entry).toMatchObject({ actor: 'token:root', data: { role: 'ci', projects: ['ML', 'jira:AI'] } });
      expect(captured.text()).not.toContain(secret);
    });

    it('answers 409 for a live duplicate name and 400 for bad input, storing nothing', async () => {
      const before = (await tokens.list()).length;
      const duplicate = await call('POST', '/tokens', issued.root, { role: 'ci', name: 'ci-main' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error?.code).toBe('DUPLICATE_TOKEN_NAME');
      expect((await call('POST', '/tokens', issued.root, { role: 'owner', name: 'x' })).status).toBe(400);
      expect((await call('POST', '/tokens', issued.root, { role: 'ci', name: ' ' })).status).toBe(400);
      expect((await call('POST', '/tokens', issued.root, { role: 'ci', name: 'x', projects: ['not a key'] })).status).toBe(400);
      expect((await call('POST', '/tokens', issued.root, { role: 'ci', name: 'x', extra: true })).status).toBe(400);
      expect((await tokens.list()).length).toBe(before);
    });

    it('lists every token without a secret or a hash', async () => {
      const listed = await call('GET', '/tokens', issued.root);
      expect(listed.status).toBe(200);
      const names = (listed.body.tokens as Array<{ name: string }>).map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['root', 'ci-main', 'auditor', 'ci-api']));
      expect(Object.keys((listed.body.tokens as object[])[0]!).sort()).toEqual(['createdAt', 'createdBy', 'id', 'lastUsedAt', 'name', 'prefix', 'projects', 'revokedAt', 'role']);
      expect(listed.text).not.toMatch(/dg_[A-Za-z0-9_-]{43}/);
      expect(listed.text).not.toMatch(/[0-9a-f]{64}/);
      for (const secret of Object.values(issued)) expect(listed.text).not.toContain(secret!);
    });

    it('revokes by name (then 404), audited; refuses to revoke the last live admin token', async () => {
      const revoked = await call('POST', '/tokens/ci-api/revoke', issued.root);
      expect(revoked.status).toBe(200);
      expect(revoked.body.record).toMatchObject({ name: 'ci-api' });
      expect((await call('POST', '/tokens/ci-api/revoke', issued.root)).status).toBe(404);
      expect((await call('POST', '/tokens/no-such-token/revoke', issued.root)).status).toBe(404);
      expect((await auditTypes()).filter((e) => e.type === 'token-revoked').map((e) => [e.actor, e.data.name])).toContainEqual(['token:root', 'ci-api']);

      const last = await call('POST', '/tokens/root/revoke', issued.root);
      expect(last.status).toBe(409);
      expect(last.body.error?.code).toBe('LAST_ADMIN_TOKEN');
      expect((await tokens.authenticate(issued.root!))?.name).toBe('root');
    });

    it('lets an admin revoke its own token once another admin exists; it is refused from then on', async () => {
      const second = await issue('second-admin', 'admin');
      expect((await call('POST', '/tokens/second-admin/revoke', second)).status).toBe(200);
      expect((await call('GET', '/tokens', second)).status).toBe(401);
    });
  });

  describe('audit verify', () => {
    it('answers the report of the chain for auditor and admin tokens, not for ci or project-limited ones', async () => {
      const report = await call('GET', '/audit/verify', issued.auditor);
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ ok: true, firstSeq: 1, anchor: { source: 'genesis' } });
      expect(report.body.checked).toBeGreaterThan(0);
      expect((await call('GET', '/audit/verify', issued.root)).status).toBe(200);
      expect((await call('GET', '/audit/verify', issued['ci-main'])).status).toBe(403);
      expect((await call('GET', '/audit/verify', issued['auditor-ml'])).status).toBe(403);
    });

    it('takes from and prevHash as the CLI does, and refuses anything else with 400', async () => {
      const from2 = await call('GET', '/audit/verify?from=2', issued.auditor);
      expect(from2.body).toMatchObject({ ok: true, firstSeq: 2, anchor: { source: 'previous entry' } });
      const wrongAnchor = await call('GET', `/audit/verify?from=1&prevHash=${'a'.repeat(64)}`, issued.auditor);
      expect(wrongAnchor.body).toMatchObject({ ok: false, break: { seq: 1 } });
      expect((await call('GET', '/audit/verify?from=0', issued.auditor)).status).toBe(400);
      expect((await call('GET', '/audit/verify?prevHash=xyz', issued.auditor)).status).toBe(400);
      expect((await call('GET', '/audit/verify?checkpoint=/etc/passwd', issued.auditor)).status).toBe(400);
    });
  });

  describe('waivers', () => {
    const expires = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const waive = (token: string | undefined, ticket: string) =>
      call('POST', '/waivers', token, { tracker: 'jira', ticket, criterion: 'dependency-audit', reason: 'vendor patch pending', expires });
    let mlWaiver: string;
    let aiWaiver: string;

    beforeAll(async () => {
      mlWaiver = ((await waive(issued['approver-all'], 'ML-7')).body.waiver as { id: string }).id;
      aiWaiver = ((await waive(issued['approver-all'], 'AI-3')).body.waiver as { id: string }).id;
    });

    it('lists waivers for approvers, auditors and admins within their projects, not for ci', async () => {
      const ids = async (token: string | undefined, query = '') => ((await call('GET', `/waivers${query}`, token)).body.waivers as Array<{ id: string }>).map((w) => w.id);
      expect(await ids(issued.auditor)).toEqual([aiWaiver, mlWaiver]);
      expect(await ids(issued['auditor-ml'])).toEqual([mlWaiver]);
      expect(await ids(issued.root, '?project=AI')).toEqual([aiWaiver]);
      expect(await ids(issued.root, '?status=expired')).toEqual([]);
      expect((await call('GET', '/waivers', issued['ci-main'])).status).toBe(403);
      expect((await call('GET', '/waivers?status=gone', issued.root)).status).toBe(400);
    });

    it('revokes a waiver: it stops counting, the ticket is re-evaluated, the revocation is audited, and only once', async () => {
      const revoked = await call('POST', `/waivers/${mlWaiver}/revoke`, issued['approver-ml'], { reason: 'patch shipped, re-check' });
      expect(revoked.status).toBe(200);
      expect(revoked.body.waiver).toMatchObject({ id: mlWaiver, status: 'revoked', revoked: { by: 'approver-ml', reason: 'patch shipped, re-check' } });
      expect(reevaluations).toContain(`waiver-revoked:${mlWaiver}`);
      const stored = (await waivers.forTicket('jira', 'ML-7')).get('dependency-audit')!;
      expect(stored[0]!.revoked?.by).toBe('approver-ml');
      expect((await auditTypes()).find((e) => e.type === 'waiver-revoked')).toMatchObject({ actor: 'token:approver-ml', data: { waiverId: mlWaiver } });
      expect(((await call('GET', '/waivers?status=active', issued.root)).body.waivers as Array<{ id: string }>).map((w) => w.id)).toEqual([aiWaiver]);
      expect(((await call('GET', '/waivers?status=expired', issued.root)).body.waivers as Array<{ id: string }>).map((w) => w.id)).toEqual([mlWaiver]);
      expect((await call('POST', `/waivers/${mlWaiver}/revoke`, issued.root, { reason: 'again' })).status).toBe(409);
      expect((await call('GET', '/audit/verify', issued.auditor)).body).toMatchObject({ ok: true });
    });

    it('answers 404 for an unknown waiver or one outside the token scope, 403 for roles that cannot waive, 400 without a reason', async () => {
      expect((await call('POST', `/waivers/${aiWaiver}/revoke`, issued['approver-ml'], { reason: 'not mine' })).status).toBe(404);
      expect((await call('POST', '/waivers/00000000-0000-4000-8000-000000000000/revoke', issued.root, { reason: 'x' })).status).toBe(404);
      expect((await call('POST', '/waivers/not-a-uuid/revoke', issued.root, { reason: 'x' })).status).toBe(404);
      expect((await call('POST', `/waivers/${aiWaiver}/revoke`, issued.auditor, { reason: 'x' })).status).toBe(403);
      expect((await call('POST', `/waivers/${aiWaiver}/revoke`, issued.root, {})).status).toBe(400);
      expect((await waivers.find(aiWaiver))?.revoked).toBeUndefined();
    });
  });
});
