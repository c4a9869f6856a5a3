import type { BearerToken } from './bearer-token.js';

/**
 * A token sent as the password of `Authorization: Basic <base64(user:password)>` (RFC 7617), whatever
 * the user name; undefined when the header names another scheme. It exists for pages a browser opens:
 * the browser cannot add a bearer header to the page's own requests, but it asks for Basic credentials
 * after a 401 and resends them by itself.
 */
export function readBasicToken(header: string | undefined): BearerToken | undefined {
  const match = /^basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header?.trim() ?? '');
  if (!match) return /^basic(\s|$)/i.test(header?.trim() ?? '') ? MALFORMED : undefined;
  const credentials = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = credentials.indexOf(':');
  return colon < 0 ? MALFORMED : { status: 'present', token: credentials.slice(colon + 1) };
}

const MALFORMED: BearerToken = {
  status: 'malformed',
  reason: 'Basic credentials must be base64 of "<any user name>:<token>"',
};
