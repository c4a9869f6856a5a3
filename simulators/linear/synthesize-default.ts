import {
  getNullableType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLOutputType,
} from 'graphql';

const EPOCH = '2024-01-01T00:00:00.000Z';
const ZERO_UUID = '00000000-0000-4000-8000-000000000000';

/** Values for the schema's scalars when the simulator does not model a field. */
const SCALAR_DEFAULTS: Record<string, unknown> = {
  ID: ZERO_UUID,
  String: '',
  Boolean: false,
  Int: 0,
  Float: 0,
  DateTime: EPOCH,
  DateTimeOrDuration: EPOCH,
  TimelessDate: '2024-01-01',
  TimelessDateOrDuration: '2024-01-01',
  Duration: 'P0D',
  UUID: ZERO_UUID,
  JSON: {},
  JSONObject: {},
};

/**
 * A type-correct stand-in for a field the simulator does not model. The SDK's fragments select many
 * non-null fields (`Issue.priorityLabel`, `User.organization`, …); answering null would make the real
 * SDK fail with "Cannot return null for non-nullable field", which the real Linear never does.
 * Nullable fields stay null: that is a value Linear itself returns for unset data.
 */
export function synthesizeDefault(type: GraphQLOutputType): unknown {
  if (!isNonNullType(type)) return null;
  const inner = getNullableType(type);
  if (isListType(inner)) return [];
  if (isScalarType(inner)) return SCALAR_DEFAULTS[inner.name] ?? '';
  if (isEnumType(inner)) return inner.getValues()[0]?.value ?? null;
  // An empty object: each of its selected fields is synthesised in turn (abstract types resolve to their
  // first possible type, see field-resolver.ts).
  if (isObjectType(inner) || isAbstractType(inner)) return {};
  return null;
}
