import { createTokenRepository } from '../../src/auth/token-repository.js';
import { startApiTestApp, type ApiTestApp } from '../support/api-test-app.js';

// express's body parsers throw for the client's own faults; those must be answered as such, with nothing
// of the body echoed, never as donegate's 500.
describe('a JSON route given a body it cannot read', () => {
  let api: ApiTestApp;
  let approver: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    approver = (await createTokenRepository(api.store.db).create({ name: 'approver-1', role: 'approver', projects: [] })).token;
  });
  afterAll(() => api.close());

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/api/v1/waivers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${approver}`, 'content-type': 'application/json', ...headers },
      body,
    });

  it('answers malformed JSON with 400 MALFORMED_JSON, quoting none of the body', async () => {
    const response = await post('{"reason": "SSN 078-05-1120", oops');
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toEqual({ error: { code: 'MALFORMED_JSON', message: 'the request body is not valid JSON' } });
    expect(text).not.toContain('078-05-1120');
  });

  it('answers a body over the route limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await post(JSON.stringify({ reason: 'x'.repeat(200 * 1024) }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported charset with 415', async () => {
    const response = await post('{}', { 'content-type': 'application/json; charset=koi8-r' });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_CHARSET');
  });

  it('answers an unknown Content-Encoding with 415', async () => {
    const response = await post('{}', { 'content-encoding': 'x-unknown' });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_ENCODING');
  });
});
