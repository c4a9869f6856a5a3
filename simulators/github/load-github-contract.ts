import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { OpenApiDocument, OpenApiSchema } from '../openapi/openapi-document.js';
import { createOperationMatcher } from '../openapi/match-operation.js';
import { createRequestValidator } from '../openapi/validate-request.js';
import { rewriteNullable } from './openapi-nullable.js';

/** The REST operations the simulator serves, by GitHub's `operationId`. Any other request is a violation. */
export const SERVED_OPERATIONS = [
  'users/get-authenticated',
  'users/get-by-username',
  'apps/get-authenticated',
  'apps/create-installation-access-token',
  'issues/get',
  'issues/update',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'issues/add-labels',
  'issues/remove-label',
] as const;

export type ServedOperation = (typeof SERVED_OPERATIONS)[number];

/** GitHub's REST description with its webhook payload schemas (`x-webhooks`), as @octokit/openapi publishes it. */
interface GithubOpenApiDocument extends OpenApiDocument {
  'x-webhooks': Record<string, { post: { requestBody: { content: { 'application/json': { schema: { $ref: string } } } } } }>;
}

export interface GithubContract {
  components: Record<string, OpenApiSchema>;
  /** The component schema a webhook's payload must satisfy (`issues-closed` → `webhook-issues-closed`). */
  webhookSchemaName(event: string): string;
  match: ReturnType<typeof createOperationMatcher>;
  validate: ReturnType<typeof createRequestValidator>;
}

let contract: GithubContract | undefined;

/**
 * GitHub's published OpenAPI description for api.github.com (13 MB), parsed once per process, with only
 * the served operations kept for matching so that every other route is reported instead of guessed at.
 */
export function getGithubContract(): GithubContract {
  if (contract) return contract;
  const path = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const document = JSON.parse(readFileSync(path, 'utf8')) as GithubOpenApiDocument;
  const served = new Set<string>(SERVED_OPERATIONS);
  const paths: OpenApiDocument['paths'] = {};
  for (const [template, item] of Object.entries(document.paths)) {
    const kept = Object.entries(item).filter(([, operation]) => served.has(operation.operationId));
    if (kept.length > 0) paths[template] = Object.fromEntries(kept);
  }
  const components = rewriteNullable(document.components) as OpenApiDocument['components'];
  const trimmed: OpenApiDocument = { paths: rewriteNullable(paths) as OpenApiDocument['paths'], components };
  contract = {
    components: components.schemas,
    webhookSchemaName(event) {
      const ref = document['x-webhooks'][event]?.post.requestBody.content['application/json'].schema.$ref;
      if (!ref) throw new Error(`GitHub publishes no webhook named ${event}`);
      return ref.slice(ref.lastIndexOf('/') + 1);
    },
    match: createOperationMatcher(trimmed),
    validate: createRequestValidator(trimmed),
  };
  return contract;
}
