import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';

let cached: GraphQLSchema | undefined;

/**
 * The real schema of @linear/sdk 88.3.0 (see ../contracts/README.md). Building it takes a few hundred
 * milliseconds, so it is built once per process and shared by every simulator instance.
 */
export function loadLinearSchema(): GraphQLSchema {
  if (!cached) {
    const source = readFileSync(new URL('../contracts/linear-schema.graphql', import.meta.url), 'utf8');
    cached = buildSchema(source);
  }
  return cached;
}
