/**
 * The error objects Linear's API puts in `errors[]`. @linear/sdk maps them to its error classes by
 * `extensions.type` first (`parseLinearError`, @linear/sdk 88.3.0 dist/index.mjs), falling back to the
 * HTTP status only when no type is given — so the type strings below must match the SDK's `errorMap`.
 */
export interface LinearErrorExtensions {
  type: string;
  code: string;
  statusCode: number;
  userError: boolean;
  userPresentableMessage?: string;
}

export interface LinearErrorObject {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions: LinearErrorExtensions;
}

/** An error a resolver throws; graphql-js keeps `extensions` when it locates the error. */
export class LinearResolverError extends Error {
  override readonly name = 'LinearResolverError';
  constructor(
    message: string,
    readonly extensions: LinearErrorExtensions,
  ) {
    super(message);
  }
}

export function entityNotFound(entity: string): LinearResolverError {
  return new LinearResolverError(`Entity not found: ${entity}`, {
    type: 'invalid input',
    code: 'INPUT_ERROR',
    statusCode: 400,
    userError: true,
    userPresentableMessage: `Could not find referenced ${entity}.`,
  });
}

export function invalidInput(message: string): LinearResolverError {
  return new LinearResolverError(message, {
    type: 'invalid input',
    code: 'INPUT_ERROR',
    statusCode: 400,
    userError: true,
    userPresentableMessage: message,
  });
}

export function authenticationError(): LinearErrorObject {
  return {
    message: 'Authentication required, not authenticated',
    extensions: {
      type: 'authentication error',
      code: 'AUTHENTICATION_ERROR',
      statusCode: 401,
      userError: true,
      userPresentableMessage: 'You need to authenticate to access this operation.',
    },
  };
}

export function forbiddenError(): LinearErrorObject {
  return {
    message: 'Forbidden',
    extensions: {
      type: 'forbidden',
      code: 'FORBIDDEN',
      statusCode: 403,
      userError: true,
      userPresentableMessage: 'You do not have access to this resource.',
    },
  };
}

export function ratelimitedError(): LinearErrorObject {
  return {
    message: 'Rate limit exceeded',
    extensions: {
      type: 'ratelimited',
      code: 'RATELIMITED',
      statusCode: 429,
      userError: true,
      userPresentableMessage: 'You have exceeded the rate limit for this API. Please try again later.',
    },
  };
}

export function internalError(): LinearErrorObject {
  return {
    message: 'Internal server error',
    extensions: { type: 'internal error', code: 'INTERNAL_SERVER_ERROR', statusCode: 500, userError: false },
  };
}

/** A document that does not parse or validate against the schema (what the SDK calls GraphqlLinearError). */
export function graphqlError(
  message: string,
  code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'BAD_USER_INPUT',
  locations?: ReadonlyArray<{ line: number; column: number }>,
): LinearErrorObject {
  return {
    message,
    ...(locations ? { locations } : {}),
    extensions: { type: 'graphql error', code, statusCode: 400, userError: false },
  };
}
