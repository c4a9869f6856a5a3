export type BearerToken = { status: 'missing' } | { status: 'malformed'; reason: string } | { status: 'present'; token: string };

/**
 * The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1; the scheme is case-insensitive
 * per RFC 9110 §11.1). Says why when there is none, so the 401 can tell the caller what to fix.
 */
export function readBearerToken(header: string | undefined): BearerToken {
  if (header === undefined || header.trim() === '') return { status: 'missing' };
  const match = /^(\S+)\s+(\S+)\s*$/.exec(header.trim());
  if (!match || match[1]!.toLowerCase() !== 'bearer') {
    return { status: 'malformed', reason: 'the Authorization header must be "Bearer <token>"' };
  }
  return { status: 'present', token: match[2]! };
}
