import type { OpenApiSchema } from '../openapi/openapi-document.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MAX_DEPTH = 12;

/**
 * A value with every property the schema requires, filled with plain placeholders (URLs under
 * `https://github.com/`, epoch dates, zeros), then `overrides` laid over it. GitHub's payloads require
 * dozens of URL fields nobody reads; generating them from GitHub's own schema keeps every represented
 * object complete without spelling each field out.
 */
export function synthesizeFromSchema(schema: OpenApiSchema, components: Record<string, OpenApiSchema>, overrides: Json = {}): Json {
  return merge(placeholder(schema, components, 0), overrides);
}

function resolve(schema: OpenApiSchema, components: Record<string, OpenApiSchema>): OpenApiSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const target = components[ref.slice(ref.lastIndexOf('/') + 1)];
  return target ? resolve(target, components) : {};
}

function placeholder(raw: OpenApiSchema, components: Record<string, OpenApiSchema>, depth: number): Json {
  const schema = resolve(raw, components);
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(schema.allOf)) {
    return (schema.allOf as OpenApiSchema[]).reduce<Json>((value, part) => merge(value, placeholder(part, components, depth + 1)), {});
  }
  const choices = (schema.oneOf ?? schema.anyOf) as OpenApiSchema[] | undefined;
  if (Array.isArray(choices) && choices[0]) return placeholder(choices[0], components, depth + 1);
  if (schema.nullable === true && schema.type !== 'object') return null;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] as Json;
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, OpenApiSchema>;
      const required = (schema.required ?? []) as string[];
      return Object.fromEntries(required.map((name) => [name, placeholder(properties[name] ?? {}, components, depth + 1)]));
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
      if (schema.format === 'uri' || schema.format === 'uri-template') return 'https://github.com/';
      if (schema.format === 'email') return 'nobody@example.com';
      return '';
    default:
      return schema.properties ? placeholder({ ...schema, type: 'object' }, components, depth) : null;
  }
}

/** `over` wins; objects merge key by key, everything else is replaced. */
function merge(base: Json, over: Json): Json {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const merged: { [key: string]: Json } = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = key in base ? merge(base[key] as Json, value) : value;
  return merged;
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
