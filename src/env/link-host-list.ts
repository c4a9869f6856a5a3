import { z } from 'zod';

/** `vendor.example` or `vendor.example/security/advisories`: a host name, optionally a path under it. */
const LINK_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[A-Za-z0-9._~%-]+)*\/?$/;

/**
 * Hosts (or host/path prefixes) that comments may link to, comma-separated; unset or empty → none.
 * The host part is compared case-insensitively, so it is lower-cased here; a path keeps its case.
 */
export const linkHostList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((entry) => entry.replace(/^[^/]+/, (host) => host.toLowerCase())),
  )
  .pipe(z.array(z.string().regex(LINK_HOST, 'must be host names such as security.vendor.example or vendor.example/security, without scheme, port or wildcard')));
