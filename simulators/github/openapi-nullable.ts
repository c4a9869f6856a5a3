import type { OpenApiSchema } from '../openapi/openapi-document.js';

/**
 * OpenAPI 3.0 writes "or null" as `nullable: true`, which ajv understands only beside a `type`. GitHub's
 * description also puts it beside `oneOf`, `allOf` or a `$ref`; those become `anyOf: [schema, null]`.
 * Returns a rewritten copy; the input is left as it was.
 */
export function rewriteNullable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteNullable);
  if (typeof value !== 'object' || value === null) return value;
  const rewritten: OpenApiSchema = {};
  for (const [key, child] of Object.entries(value)) rewritten[key] = rewriteNullable(child);
  if (rewritten.nullable !== true || 'type' in rewritten) return rewritten;
  const { nullable: _nullable, description, ...rest } = rewritten;
  return { ...(description === undefined ? {} : { description }), anyOf: [rest, { type: 'null' }] };
}
