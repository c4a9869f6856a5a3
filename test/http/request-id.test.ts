import { JIRA_SECRET, startGateHarness, type GateHarness } from '../support/gate-harness.js';
import { signJiraDelivery } from '../support/sign-deliveries.js';
import { waitFor } from '../support/wait-for.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ALICE = { actorAccountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Alice Engineer' };

describe('request ids', () => {
  let h: GateHarness;
  beforeAll(async () => {
    h = await startGateHarness({ store: 'pglite' });
    h.jira.state.addProject({ key: 'ML', name: 'Machine Learning' });
    h.jira.state.useSimplifiedWorkflow();
  });
  afterAll(async () => {
    await h.close();
  });

  const logLines = () => h.logText().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  const linesWith = (requestId: string) => logLines().filter((line) => line.requestId === requestId);

  it('gives a request without one a fresh UUID, echoes it and writes one request line carrying it', async () => {
    const response = await fetch(`${h.url}/no/such/route?secret=query-value-not-logged`);
    expect(response.status).toBe(404);
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    const line = await waitFor(() => linesWith(id).find((l) => l.msg === 'request'), { what: 'the request line' });
    expect(line).toMatchObject({ level: 30, method: 'GET', path: '/no/such/route', status: 404 });
    expect(typeof line.durationMs).toBe('number');
    expect(h.logText()).not.toContain('query-value-not-logged');
  });

  it('passes a safe incoming id through on 401s and API answers', async () => {
    const unauthenticated = await fetch(`${h.url}/api/v1/tickets/failing`, { headers: { 'x-request-id': 'lb-7f3a:2026.12.02_x' } });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('x-request-id')).toBe('lb-7f3a:2026.12.02_x');
    const ok = await h.api('/tickets/failing', { headers: { 'x-request-id': 'trace-42' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBe('trace-42');
  });

  it.each([
    // Node's HTTP parser itself refuses a raw newline in a header (400 before any handler); quotes and tabs reach us.
    ['quotes and a tab that could forge a log field', 'abc",\t"level":60,"msg":"forged'],
    ['10 kB', 'a'.repeat(10_000)],
    ['characters outside the token set', 'id with spaces;and<script>'],
  ])('replaces an incoming id with %s, and never logs it', async (_what, hostile) => {
    // fetch refuses a raw newline in a header value; send the bytes as a client that ignores the rules would.
    const id = await rawGetRequestId(h.url, hostile);
    expect(id).toMatch(UUID);
    await waitFor(() => linesWith(id).find((l) => l.msg === 'request'), { what: 'the request line' });
    expect(h.logText()).not.toContain(hostile.slice(0, 40));
    expect(h.logText()).not.toContain('forged');
  });

  it('carries a webhook delivery’s id into its delivery line and the worker’s decision line', async () => {
    const issue = h.jira.state.createIssue({ project: 'ML', status: 'In Progress', summary: 'Train the model' });
    const signed = signJiraDelivery(JIRA_SECRET, h.jira.moveIssue(issue.key, 'Done', ALICE), { deliveryId: 'request-id-delivery-1' });
    const response = await fetch(`${h.url}/webhooks/jira`, { method: 'POST', headers: { ...signed.headers, 'x-request-id': 'jira-req-1' }, body: signed.body });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-request-id')).toBe('jira-req-1');
    const { deliveryId } = (await response.json()) as { deliveryId: string };
    await waitFor(async () => (await h.decisions('jira', issue.key)).find((d) => d.deliveryId === deliveryId), { what: 'the decision', timeoutMs: 20_000 });
    const decided = await waitFor(() => linesWith('jira-req-1').find((l) => l.msg === 'decision recorded'), { what: 'the worker line' });
    expect(decided).toMatchObject({ ticket: issue.key, outcome: 'fail' });
    expect(linesWith('jira-req-1').map((l) => l.msg)).toEqual(expect.arrayContaining(['webhook delivery', 'request', 'decision recorded']));
  });

  it('echoes the id on a 413 and on a refused signature', async () => {
    const big = await fetch(`${h.url}/webhooks/jira`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'too-big' }, body: 'x'.repeat(6 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect(big.headers.get('x-request-id')).toBe('too-big');
    const forged = await fetch(`${h.url}/webhooks/jira`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': 'sha256=00', 'x-request-id': 'forged-sig' }, body: '{}' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('x-request-id')).toBe('forged-sig');
    const line = await waitFor(() => linesWith('forged-sig').find((l) => l.msg === 'webhook delivery'), { what: 'the delivery line' });
    expect(line).toMatchObject({ outcome: 'signature-invalid', status: 401 });
  });
});

/** A GET whose X-Request-Id header is written byte for byte; returns the id the server answered with. */
async function rawGetRequestId(base: string, requestId: string): Promise<string> {
  const { connect } = await import('node:net');
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Request-Id: ${requestId}\r\n\r\n`);
    });
    let head = '';
    socket.on('data', (chunk: Buffer) => (head += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('end', () => {
      const match = /^x-request-id: (.*)$/im.exec(head);
      if (match?.[1]) resolve(match[1].trim());
      else reject(new Error(`no X-Request-Id in: ${head.slice(0, 200)}`));
    });
  });
}
