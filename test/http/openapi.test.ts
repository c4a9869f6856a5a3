import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createTokenRepository } from '../../src/auth/token-repository.js';
import { ROLES_WITH_PERMISSION, type Permission } from '../../src/auth/roles.js';
import { listAppRoutes, startApiTestApp, type ApiTestApp } from '../support/api-test-app.js';

interface Operation {
  security?: unknown[];
  'x-donegate-permission'?: Permission;
  'x-donegate-roles'?: string[];
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}
interface Document {
  openapi: string;
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

describe('GET /api/v1/openapi.json', () => {
  let api: ApiTestApp;
  let document: Document;
  beforeAll(async () => {
    api = await startApiTestApp();
    const response = await fetch(`${api.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    document = (await response.json()) as Document;
  });
  afterAll(async () => {
    await api.close();
  });

  /** `GET /api/v1/evidence`-style names of every described operation. */
  const describedOperations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => METHODS.includes(key))
        .map((method) => `${method.toUpperCase()} ${document.servers[0]!.url}${path}`),
    );

  it('is served without a token and validates as an OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every /api/v1 route the app answers, and nothing it does not', () => {
    const live = listAppRoutes(api.app).filter((route) => route.split(' ')[1]!.startsWith('/api/v1/'));
    const described = describedOperations();
    expect(live.length).toBeGreaterThan(5);
    // The arrays name the routes, so a failure says which one lacks a description (or a route).
    expect({ undescribed: live.filter((route) => !described.includes(route)) }).toEqual({ undescribed: [] });
    expect({ describedButNotRouted: described.filter((route) => !live.includes(route)) }).toEqual({ describedButNotRouted: [] });
  });

  it('names, for every route but itself, the bearer scheme and the roles that hold its permission', () => {
    const guarded = Object.entries(document.paths).flatMap(([path, item]) => Object.values(item).map((operation) => ({ path, operation })));
    for (const { path, operation } of guarded.filter(({ path }) => path !== '/openapi.json')) {
      const permission = operation['x-donegate-permission'];
      expect({ path, permission: typeof permission, security: operation.security }).toEqual({ path, permission: 'string', security: [{ donegateToken: [] }] });
      expect(operation['x-donegate-roles']).toEqual(ROLES_WITH_PERMISSION[permission!]);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it.each([
    ['/waivers', 'post'],
    ['/waivers/{id}/revoke', 'post'],
    ['/tokens', 'post'],
  ])("describes, on %s, the answers to a JSON body the parser refuses", (path, method) => {
    const { responses } = document.paths[path]![method]!;
    expect(responses['400']?.description).toContain('MALFORMED_JSON');
    expect(responses['413']?.description).toContain('PAYLOAD_TOO_LARGE');
    expect(responses['415']?.description).toMatch(/UNSUPPORTED_CHARSET, UNSUPPORTED_ENCODING/);
  });

  it('answers a bad waiver with a 400 whose body has the described error shape', async () => {
    const { token } = await createTokenRepository(api.store.db).create({ name: 'openapi-approver', role: 'approver' });
    const response = await fetch(`${api.url}/api/v1/waivers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tracker: 'jira', ticket: 'ML-1', criterion: 'has-evidence', reason: 'ok', expires: 'soon' }),
    });
    expect(response.status).toBe(400);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ error: { code: 'INVALID_WAIVER' } });

    // The schema the document gives this answer, resolved inside the document (its $ref to components).
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ ...document, $id: 'https://donegate.invalid/openapi.json' });
    const validate = ajv.getSchema('https://donegate.invalid/openapi.json#/paths/~1waivers/post/responses/400/content/application~1json/schema')!;
    expect(validate({ error: { code: 'INVALID_WAIVER' } })).toBe(false);
    expect(validate(body) || validate.errors).toBe(true);
  });
});
