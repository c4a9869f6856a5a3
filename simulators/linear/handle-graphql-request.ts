import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { createTypeResolver, simulatorFieldResolver } from './field-resolver.js';
import type { FaultQueue } from './fault-queue.js';
import { faultReply } from './fault-reply.js';
import { authenticationError, graphqlError, internalError, type LinearErrorObject } from './linear-error-bodies.js';
import type { LinearViolation } from './linear-simulator-events.js';
import type { View } from './linear-views.js';

export interface GraphqlHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  outcome: string;
  operationName?: string;
  rootFields: string[];
  variables: Record<string, unknown>;
}

export interface GraphqlHandlerDeps {
  schema: GraphQLSchema;
  apiKey: string;
  queryRoot: View;
  mutationRoot: View;
  faults: FaultQueue;
  recordViolation(violation: LinearViolation): void;
  rateLimitHeaders(): Record<string, string>;
}

type Checked =
  | { document: DocumentNode; errors?: undefined }
  | { document?: undefined; errors: LinearErrorObject[]; operationName?: string };

/**
 * One GraphQL request, in Linear's order: authentication, then the document (parsed and validated
 * against the real schema), then execution. Parse and validation results are cached by query text:
 * the SDK sends the same few documents over and over, and validity against a fixed schema cannot change.
 */
export function createGraphqlHandler(deps: GraphqlHandlerDeps) {
  const checked = new Map<string, Checked>();
  const typeResolver = createTypeResolver(deps.schema);

  function check(query: string): Checked {
    const hit = checked.get(query);
    if (hit) return hit;
    let result: Checked;
    try {
      const document = parse(query);
      const errors = validate(deps.schema, document);
      const name = getOperationAST(document)?.name?.value;
      result = errors.length
        ? {
            errors: errors.map((e) => graphqlError(e.message, 'GRAPHQL_VALIDATION_FAILED', e.locations)),
            ...(name ? { operationName: name } : {}),
          }
        : { document };
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : String(error);
      result = { errors: [graphqlError(message, 'GRAPHQL_PARSE_FAILED', error instanceof GraphQLError ? error.locations : undefined)] };
    }
    if (checked.size > 500) checked.clear();
    checked.set(query, result);
    return result;
  }

  return async function handle(authorization: string | undefined, rawBody: string): Promise<GraphqlHttpResponse> {
    const base = { rootFields: [] as string[], variables: {} as Record<string, unknown> };
    // Personal API keys go in `Authorization` as is; "Bearer <key>" is how OAuth tokens are sent and fails.
    if (authorization !== deps.apiKey) {
      return { ...base, status: 400, headers: {}, body: { errors: [authenticationError()] }, outcome: 'unauthenticated' };
    }
    const request = parseBody(rawBody);
    if (typeof request.query !== 'string') {
      return refuse(base, rawBody, undefined, [graphqlError('Must provide query string.', 'BAD_USER_INPUT')]);
    }
    const { query } = request;
    const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
    const variables = isRecord(request.variables) ? request.variables : {};
    const result = check(query);
    if (!result.document) {
      const name = operationName ?? result.operationName;
      return refuse({ ...base, variables, ...(name ? { operationName: name } : {}) }, query, name, result.errors);
    }

    const operation = getOperationAST(result.document, operationName);
    const rootFields =
      operation?.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])) ?? [];
    const context = { rootFields, variables, ...(operation?.name ? { operationName: operation.name.value } : {}) };

    const fault = deps.faults.take(context.operationName, rootFields);
    if (fault) {
      const reply = faultReply(fault, rootFields[0]);
      return { ...context, ...reply, headers: { ...deps.rateLimitHeaders(), ...reply.headers }, outcome: fault.kind };
    }

    const executed = await execute({
      schema: deps.schema,
      document: result.document,
      rootValue: operation?.operation === 'mutation' ? deps.mutationRoot : deps.queryRoot,
      variableValues: variables,
      ...(operationName ? { operationName } : {}),
      fieldResolver: simulatorFieldResolver,
      typeResolver,
    });
    if (executed.errors?.length && !('data' in executed && executed.data !== undefined)) {
      // Variables that do not match their declared types: refused before execution, like Linear does.
      return refuse(context, query, context.operationName, executed.errors.map((e) => graphqlError(e.message, 'BAD_USER_INPUT', e.locations)));
    }
    const errors = executed.errors?.map((error) => toLinearError(error, query, context.operationName));
    return {
      ...context,
      status: 200,
      headers: deps.rateLimitHeaders(),
      body: errors?.length ? { data: executed.data ?? null, errors } : { data: executed.data },
      outcome: errors?.length ? 'error' : 'ok',
    };
  };

  function refuse(
    context: Pick<GraphqlHttpResponse, 'rootFields' | 'variables' | 'operationName'>,
    query: string,
    operationName: string | undefined,
    errors: LinearErrorObject[],
  ): GraphqlHttpResponse {
    deps.recordViolation({
      at: Date.now(),
      query,
      ...(operationName ? { operationName } : {}),
      errors: errors.map((e) => e.message),
    });
    return { ...context, status: 400, headers: deps.rateLimitHeaders(), body: { errors }, outcome: 'invalid-document' };
  }

  /**
   * A resolver error keeps Linear's extensions; anything else (a field the simulator cannot answer) is a
   * simulator gap: answered as Linear's internal error and recorded, so tests asserting no violations fail.
   */
  function toLinearError(error: GraphQLError, query: string, operationName: string | undefined): LinearErrorObject {
    const extensions = error.extensions as Partial<LinearErrorObject['extensions']>;
    const located = { ...(error.path ? { path: error.path } : {}), ...(error.locations ? { locations: error.locations } : {}) };
    if (typeof extensions.type === 'string') {
      return { message: error.message, ...located, extensions: extensions as LinearErrorObject['extensions'] };
    }
    deps.recordViolation({ at: Date.now(), query, ...(operationName ? { operationName } : {}), errors: [`simulator: ${error.message}`] });
    return { ...internalError(), ...located };
  }
}

function parseBody(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
