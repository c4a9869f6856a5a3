import type { Request } from 'express';

export const SESSION_COOKIE = 'donegate_session';

/**
 * One cookie's value from the request's Cookie header, or undefined. Our cookies hold base64url only, so
 * a value with anything else in it is not ours and is ignored.
 */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    const value = part.slice(at + 1).trim();
    return /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : undefined;
  }
  return undefined;
}
