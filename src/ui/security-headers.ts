import type { RequestHandler } from 'express';

/**
 * Headers on every /ui answer. A strict Content-Security-Policy: our own stylesheet and scripts only, no
 * inline code, no frames, forms only to ourselves, so text that slipped past escaping still could not run.
 * Pages hold ticket data a session may see, so they are never stored by a shared cache or the browser.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export const uiSecurityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cache-Control', 'no-store');
  next();
};
