import {
  isNonNullType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql';
import { synthesizeDefault } from './synthesize-default.js';

type Resolver = (args: Record<string, unknown>) => unknown;

function isRecord(value: unknown): value is Record<string | symbol, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Views are plain objects whose properties are values or `(args) => value` functions. A field a view
 * does not define, or defines as null while the schema says non-null, gets a synthesised default.
 */
export const simulatorFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, _context, info) => {
  if (isRecord(source) && info.fieldName in source) {
    const property = source[info.fieldName];
    const value = typeof property === 'function' ? (property as Resolver)(args) : property;
    if (value !== null && value !== undefined) return value;
    return isNonNullType(info.returnType) ? synthesizeDefault(info.returnType) : null;
  }
  return synthesizeDefault(info.returnType);
};

/** Views of interface or union types carry `__typename`; synthesised ones become the first possible type. */
export function createTypeResolver(schema: GraphQLSchema): GraphQLTypeResolver<unknown, unknown> {
  return (value, _context, _info, abstractType) => {
    if (isRecord(value) && typeof value['__typename'] === 'string') return value['__typename'];
    return schema.getPossibleTypes(abstractType)[0]?.name;
  };
}
