import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument, OpenApiOperation, OpenApiParameter, OpenApiSchema } from './openapi-document.js';
import type { MatchedOperation } from './match-operation.js';

// Each validator has its own ajv, so one made-up root id serves every document.
const ROOT_ID = 'https://donegate.invalid/openapi-document.json';

export interface RequestToValidate {
  matched: MatchedOperation;
  query: URLSearchParams;
  /** `undefined` when the request had no body. */
  body: unknown;
}

interface CompiledOperation {
  params: Array<{ parameter: OpenApiParameter; validate: ValidateFunction | undefined }>;
  body: ValidateFunction | undefined;
  bodyRequired: boolean;
}

/**
 * Checks path, query and JSON body against the operation's schemas. Validators are compiled the first
 * time an operation is used: compiling every path of a large description up front would cost seconds for nothing.
 */
export function createRequestValidator(document: OpenApiDocument) {
  // `strict: false`: the document uses OpenAPI-only keywords (`example`, `discriminator`, `xml`) ajv does not know.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormatsModule.default(ajv);
  ajv.addSchema({ $id: ROOT_ID, components: document.components });
  const compiled = new Map<OpenApiOperation, CompiledOperation>();

  const compile = (schema: OpenApiSchema | undefined): ValidateFunction | undefined =>
    schema === undefined ? undefined : ajv.compile(anchorRefs(schema) as OpenApiSchema);

  const compileOperation = (operation: OpenApiOperation): CompiledOperation => {
    const jsonBody = operation.requestBody?.content?.['application/json'];
    return {
      params: (operation.parameters ?? []).map((parameter) => ({ parameter, validate: compile(parameter.schema) })),
      body: compile(jsonBody?.schema),
      bodyRequired: operation.requestBody?.required === true,
    };
  };

  return function validateRequest({ matched, query, body }: RequestToValidate): string[] {
    let operation = compiled.get(matched.operation);
    if (!operation) {
      operation = compileOperation(matched.operation);
      compiled.set(matched.operation, operation);
    }
    const problems: string[] = [];
    for (const { parameter, validate } of operation.params) {
      const raw = readParameter(parameter, matched.pathParams, query);
      if (raw === undefined) {
        if (parameter.required) problems.push(`${parameter.in} parameter '${parameter.name}' is required`);
        continue;
      }
      const value = coerce(raw, parameter.schema);
      if (validate && !validate(value)) {
        problems.push(...describe(validate.errors, `${parameter.in} parameter '${parameter.name}'`));
      }
    }
    if (body === undefined) {
      if (operation.bodyRequired) problems.push('request body is required');
    } else if (!matched.operation.requestBody) {
      problems.push('this operation takes no request body');
    } else if (operation.body && !operation.body(body)) {
      problems.push(...describe(operation.body.errors, 'body'));
    }
    return problems;
  };
}

function readParameter(
  parameter: OpenApiParameter,
  pathParams: Record<string, string>,
  query: URLSearchParams,
): string[] | undefined {
  if (parameter.in === 'path') {
    const value = pathParams[parameter.name];
    return value === undefined ? undefined : [value];
  }
  if (parameter.in === 'query') {
    const values = query.getAll(parameter.name);
    return values.length === 0 ? undefined : values;
  }
  return undefined;
}

/** Query strings carry text; Jira reads `fields=a,b&fields=c` as three items and `startAt=5` as a number. */
function coerce(raw: string[], schema: OpenApiSchema | undefined): unknown {
  if (schema?.type === 'array') {
    const items = (schema.items ?? {}) as OpenApiSchema;
    return raw.flatMap((v) => v.split(',')).map((v) => coerceScalar(v, items));
  }
  return coerceScalar(raw[raw.length - 1] ?? '', schema);
}

function coerceScalar(value: string, schema: OpenApiSchema | undefined): unknown {
  switch (schema?.type) {
    case 'integer':
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}

/** Inline schemas say `#/components/…`; point those refs at the registered document root. */
function anchorRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(anchorRefs);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#') ? ROOT_ID + value : anchorRefs(value);
  }
  return out;
}

function describe(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return (errors ?? []).map((e) => `${where}${e.instancePath} ${e.message ?? 'is invalid'}`);
}
