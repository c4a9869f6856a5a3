import { signJiraDelivery, signLinearDelivery } from '../support/sign-deliveries.js';
import { JIRA_SECRET, LINEAR_SECRET, post, rawRequest, sample, startWebhookServer, type WebhookTestServer } from './webhook-test-server.js';

const MAX_BYTES = 16 * 1024;

/** Both receivers must answer bad input identically; the Linear clock is pinned to its sample. */
const trackers = [
  {
    name: 'jira',
    sign: (body: string | object) => signJiraDelivery(JIRA_SECRET, body),
    signatureHeader: 'x-hub-signature',
    validBody: sample('jira', 'issue-updated-into-done.json').text,
  },
  {
    name: 'linear',
    sign: (body: string | object) => signLinearDelivery(LINEAR_SECRET, body),
    signatureHeader: 'linear-signature',
    validBody: sample('linear', 'issue-update-into-completed.json').text,
  },
] as const;

const linearClock = (sample('linear', 'issue-update-into-completed.json').json.webhookTimestamp as number) + 1_000;

describe.each(trackers)('POST /webhooks/$name with bad input', ({ name, sign, signatureHeader, validBody }) => {
  let server: WebhookTestServer;
  let url: string;
  beforeAll(async () => {
    server = await startWebhookServer({ maxBytes: MAX_BYTES, now: () => linearClock });
    url = `${server.url}/webhooks/${name}`;
  });
  afterAll(() => server.close());

  const expectError = (answer: { status: number; body: unknown }, status: number, code: string) => {
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
  };

  describe('when the content type is not JSON', () => {
    it.each([
      ['text/plain', 'text/plain'],
      ['form encoding', 'application/x-www-form-urlencoded'],
      ['a look-alike', 'application/jsonp'],
    ])('answers 415 for %s', async (_label, contentType) => {
      const signed = sign(validBody);
      expectError(await post(url, signed.body, { ...signed.headers, 'content-type': contentType }), 415, 'WEBHOOK_UNSUPPORTED_MEDIA_TYPE');
    });

    it('answers 415 when Content-Type is missing, before reading the body', async () => {
      const signed = sign(validBody);
      const { 'content-type': _dropped, ...headers } = signed.headers;
      // The body is never sent: the answer must come from the headers alone.
      const answer = await rawRequest(url, { headers: { ...headers, 'content-length': 1000 }, end: false });
      expect(answer.status).toBe(415);
    });

    it('answers 415 for a gzip-encoded body rather than inflating it', async () => {
      const signed = sign(validBody);
      const answer = await post(url, signed.body, { ...signed.headers, 'content-encoding': 'gzip' });
      expectError(answer, 415, 'WEBHOOK_UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('when the body is too large', () => {
    it('answers 413 from Content-Length alone, without reading the body', async () => {
      const signed = sign(validBody);
      const answer = await rawRequest(url, { headers: { ...signed.headers, 'content-length': MAX_BYTES + 1 }, end: false });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'WEBHOOK_PAYLOAD_TOO_LARGE', message: expect.stringContaining('WEBHOOK_MAX_BYTES') } });
    });

    it('answers 413 for a chunked body that grows past the limit', async () => {
      const big = JSON.stringify({ padding: 'x'.repeat(MAX_BYTES * 2) });
      const signed = sign(big);
      const chunks = big.match(/[\s\S]{1,4096}/g) ?? [];
      const answer = await rawRequest(url, { headers: { ...signed.headers, 'transfer-encoding': 'chunked' }, chunks });
      expect(answer.status).toBe(413);
    });
  });

  describe('when the signature is missing or wrong', () => {
    it('answers 401 with a message that says how to fix a missing signature', async () => {
      const signed = sign(validBody);
      const { [signatureHeader]: _dropped, ...headers } = signed.headers;
      const answer = await post(url, signed.body, headers);
      expectError(answer, 401, 'WEBHOOK_SIGNATURE_MISSING');
      expect((answer.body as { error: { message: string } }).error.message).toContain(name === 'jira' ? 'JIRA_WEBHOOK_SECRET' : 'LINEAR_WEBHOOK_SECRET');
    });

    it('answers 401 with a vague message for a signature made with another secret', async () => {
      const forged = name === 'jira' ? signJiraDelivery('wrong', validBody) : signLinearDelivery('wrong', validBody);
      const answer = await post(url, forged.body, forged.headers);
      expectError(answer, 401, 'WEBHOOK_SIGNATURE_INVALID');
      expect(answer.body).toEqual({ error: { code: 'WEBHOOK_SIGNATURE_INVALID', message: 'Invalid webhook signature.' } });
    });

    it('answers 401 when one byte of the signed body changed', async () => {
      const signed = sign(validBody);
      const answer = await post(url, signed.body.replace('"update', '"Update').replace('jira:issue_updated', 'jira:issue_Updated'), signed.headers);
      expectError(answer, 401, 'WEBHOOK_SIGNATURE_INVALID');
    });

    it('answers 401 for a signature header of garbage', async () => {
      const signed = sign(validBody);
      expectError(await post(url, signed.body, { ...signed.headers, [signatureHeader]: 'not-hex-at-all' }), 401, 'WEBHOOK_SIGNATURE_INVALID');
    });
  });

  describe('when the signed body is not a usable JSON document', () => {
    it.each([
      ['malformed JSON', '{"webhookEvent": ', 'WEBHOOK_MALFORMED_JSON'],
      ['an empty body', '', 'WEBHOOK_MALFORMED_JSON'],
      ['a byte-order mark (tolerated) before an empty object', '\ufeff{}', 'WEBHOOK_INVALID_PAYLOAD'],
      ['JSON null', 'null', 'WEBHOOK_INVALID_PAYLOAD'],
      ['a JSON array', '[{"webhookEvent":"jira:issue_updated"}]', 'WEBHOOK_INVALID_PAYLOAD'],
      ['a JSON number', '42', 'WEBHOOK_INVALID_PAYLOAD'],
      ['a JSON string', '"hello"', 'WEBHOOK_INVALID_PAYLOAD'],
      ['an empty object', '{}', 'WEBHOOK_INVALID_PAYLOAD'],
      ['deeply nested arrays', `{"x":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'WEBHOOK_INVALID_PAYLOAD'],
      ['a __proto__ key', '{"__proto__":{"polluted":true},"type":"Issue"}', 'WEBHOOK_INVALID_PAYLOAD'],
    ])('answers 400 for %s', async (_label, body, code) => {
      const signed = sign(body);
      expectError(await post(url, signed.body, signed.headers), 400, code);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('answers 400 for binary bytes that are not UTF-8', async () => {
      const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc3, 0x28]);
      const signature = name === 'jira'
        ? `sha256=${(await import('node:crypto')).createHmac('sha256', JIRA_SECRET).update(bytes).digest('hex')}`
        : (await import('node:crypto')).createHmac('sha256', LINEAR_SECRET).update(bytes).digest('hex');
      const signed = sign('');
      const answer = await post(url, bytes, { ...signed.headers, [signatureHeader]: signature });
      expectError(answer, 400, 'WEBHOOK_MALFORMED_JSON');
    });
  });

  describe('when headers are odd', () => {
    it('answers 400 for a delivery id header with spaces', async () => {
      const signed = sign(validBody);
      const idHeader = name === 'jira' ? 'x-atlassian-webhook-identifier' : 'linear-delivery';
      expectError(await post(url, signed.body, { ...signed.headers, [idHeader]: 'two words' }), 400, 'WEBHOOK_BAD_HEADER');
    });

    it('answers 431 (from Node, never 5xx) for headers larger than the server accepts', async () => {
      const signed = sign(validBody);
      const answer = await rawRequest(url, { headers: { ...signed.headers, 'x-padding': 'p'.repeat(64 * 1024) }, chunks: [signed.body] }).catch(
        () => ({ status: 431 }),
      );
      expect(answer.status).toBe(431);
    });
  });

  it('answers 405 with Allow: POST for other methods', async () => {
    const response = await fetch(url, { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('never answers 5xx to a client fault and keeps serving afterwards', async () => {
    const inputs: Array<string | Uint8Array> = ['', ' ', 'true', '{}', '[]', 'null', '{"type":null}', '\u0000', Buffer.from([0, 1, 2, 3]), '{"a":1}'.repeat(100)];
    for (const input of inputs) {
      const signed = sign(typeof input === 'string' ? input : '');
      const unsigned = await post(url, input, { 'content-type': 'application/json', [signatureHeader]: 'sha256=00' });
      const maybeSigned = typeof input === 'string' ? await post(url, signed.body, signed.headers) : unsigned;
      expect(unsigned.status).toBeLessThan(500);
      expect(maybeSigned.status).toBeLessThan(500);
    }
    const signed = sign(validBody);
    expect((await post(url, signed.body, signed.headers)).status).toBe(name === 'linear' ? 200 : 202);
  });
});

describe('a tracker whose secret is unset', () => {
  let server: WebhookTestServer;
  beforeAll(async () => {
    server = await startWebhookServer({ jiraSecret: undefined, linearSecret: '' });
  });
  afterAll(() => server.close());

  it.each([
    ['jira', 'JIRA_WEBHOOK_SECRET'],
    ['linear', 'LINEAR_WEBHOOK_SECRET'],
  ])('answers 404 on /webhooks/%s naming %s', async (tracker, envVar) => {
    const answer = await post(`${server.url}/webhooks/${tracker}`, '{}', { 'content-type': 'application/json' });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'WEBHOOK_TRACKER_DISABLED', message: expect.stringContaining(envVar) } });
  });
});
