import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { sendError } from '../../http/send-error.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Forms that change something (waivers, sign-out) must send back the session's CSRF token, as the `_csrf`
 * field or the `X-CSRF-Token` header: another site can make a signed-in browser post a form, but cannot
 * read the token. Requests signed with a bearer token need none (a browser never adds that header by itself).
 * Mount after `requireUiPrincipal`. Parses a URL-encoded body of at most 16 KiB.
 */
export function requireCsrf(): RequestHandler[] {
  return [
    express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 50 }),
    (req, res, next) => {
      if (res.locals.authVia === 'bearer') {
        next();
        return;
      }
      const expected: unknown = res.locals.csrfToken;
      const body: unknown = req.body;
      const field = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)._csrf : undefined;
      const sent = typeof field === 'string' ? field : req.get('x-csrf-token');
      // Compared as digests, so the comparison takes the same time whatever the lengths.
      if (typeof expected !== 'string' || expected === '' || typeof sent !== 'string' || !timingSafeEqual(digest(sent), digest(expected))) {
        sendError(res, 403, 'CSRF_TOKEN_INVALID', 'this form is stale or did not come from donegate: reload the page and submit it again');
        return;
      }
      next();
    },
  ];
}
