import { AuthenticationLinearError, GraphqlLinearError, LinearClient } from '@linear/sdk';
import { createLinearSimulator, type LinearSimulator } from '../../../simulators/linear/index.js';

describe('Linear simulator refusing requests the real Linear refuses', () => {
  let linear: LinearSimulator;
  beforeEach(async () => {
    linear = await createLinearSimulator({ apiKey: 'lin_api_right' });
  });
  afterEach(() => linear.close());

  it('refuses a document that does not validate against the schema, and records the violation', async () => {
    const client = new LinearClient({ apiKey: 'lin_api_right', apiUrl: linear.url });

    const error = await client.client.rawRequest('query Broken { issue(id: "AI-1") { nonsense } }').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GraphqlLinearError);
    expect((error as GraphqlLinearError).status).toBe(400);
    expect(linear.violations).toEqual([
      expect.objectContaining({ operationName: 'Broken', errors: ['Cannot query field "nonsense" on type "Issue".'] }),
    ]);
  });

  it('refuses a document that does not parse', async () => {
    const client = new LinearClient({ apiKey: 'lin_api_right', apiUrl: linear.url });

    await expect(client.client.rawRequest('query {')).rejects.toBeInstanceOf(GraphqlLinearError);
    expect(linear.violations).toHaveLength(1);
  });

  it('refuses variables of the wrong type', async () => {
    const client = new LinearClient({ apiKey: 'lin_api_right', apiUrl: linear.url });

    await expect(client.client.rawRequest('query ($id: String!) { issue(id: $id) { id } }', { id: 7 })).rejects.toBeInstanceOf(
      GraphqlLinearError,
    );
    expect(linear.violations).toHaveLength(1);
  });

  it('refuses a wrong API key as an authentication error', async () => {
    const client = new LinearClient({ apiKey: 'lin_api_wrong', apiUrl: linear.url });

    await expect(client.viewer).rejects.toBeInstanceOf(AuthenticationLinearError);
    expect(linear.requests.at(-1)).toMatchObject({ outcome: 'unauthenticated' });
  });

  it('refuses a personal API key sent as a Bearer token, as Linear does', async () => {
    const client = new LinearClient({ accessToken: 'lin_api_right', apiUrl: linear.url });

    await expect(client.viewer).rejects.toBeInstanceOf(AuthenticationLinearError);
  });

  it('answers the viewer for the right key', async () => {
    const client = new LinearClient({ apiKey: 'lin_api_right', apiUrl: linear.url });

    await expect(client.viewer).resolves.toMatchObject({ id: linear.viewer.id });
    expect(linear.violations).toEqual([]);
  });
});
