import { createOperationMatcher } from '../../../simulators/openapi/match-operation.js';
import type { OpenApiDocument } from '../../../simulators/openapi/openapi-document.js';
import { createRequestValidator } from '../../../simulators/openapi/validate-request.js';

// A two-path description is enough to pin the rules both the Jira and the GitHub simulators rely on.
const document: OpenApiDocument = {
  paths: {
    '/repos/{owner}/{repo}/issues/{issue_number}': {
      get: { operationId: 'issues/get', parameters: [{ name: 'issue_number', in: 'path', required: true, schema: { type: 'integer' } }] },
      patch: {
        operationId: 'issues/update',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/issue-update' } } } },
      },
    },
    '/repos/{owner}/{repo}/issues/events': { get: { operationId: 'issues/list-events-for-repo' } },
  },
  components: { schemas: { 'issue-update': { type: 'object', properties: { state: { enum: ['open', 'closed'] } }, additionalProperties: false } } },
};

describe('OpenAPI operation matcher', () => {
  const match = createOperationMatcher(document);

  it('prefers a literal segment over a parameter in the same place', () => {
    expect(match('GET', '/repos/acme/ml/issues/events')?.operation.operationId).toBe('issues/list-events-for-repo');
    expect(match('GET', '/repos/acme/ml/issues/7')).toMatchObject({ operation: { operationId: 'issues/get' }, pathParams: { owner: 'acme', repo: 'ml', issue_number: '7' } });
  });

  it('finds nothing for a method the path does not declare or a path of another length', () => {
    expect(match('DELETE', '/repos/acme/ml/issues/7')).toBeUndefined();
    expect(match('GET', '/repos/acme/ml')).toBeUndefined();
  });
});

describe('OpenAPI request validator', () => {
  const match = createOperationMatcher(document);
  const validate = createRequestValidator(document);

  it('accepts a request its operation allows and names what is wrong with one it does not', () => {
    const patch = match('PATCH', '/repos/acme/ml/issues/7')!;
    expect(validate({ matched: patch, query: new URLSearchParams(), body: { state: 'open' } })).toEqual([]);
    expect(validate({ matched: patch, query: new URLSearchParams(), body: { state: 'reopened' } })).not.toEqual([]);
    expect(validate({ matched: patch, query: new URLSearchParams(), body: undefined })).not.toEqual([]);
    expect(validate({ matched: match('GET', '/repos/acme/ml/issues/seven')!, query: new URLSearchParams(), body: undefined })).not.toEqual([]);
  });
});
