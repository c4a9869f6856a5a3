import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Whether a URL host is this machine: 127.0.0.0/8, ::1 or localhost. Plain HTTP there never leaves the host,
 * which is what the tests and the demo's simulated trackers rely on.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * A tracker URL that donegate sends credentials to (API token, API key): `https://`, or `http://` only to a
 * loopback host. Anything else would put the credential on the network in clear text.
 */
export const trackerUrl = z
  .url({ protocol: /^https?$/ })
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || isLoopbackHost(url.hostname);
  }, 'must use https:// (plain http:// sends the tracker credential in clear text; it is allowed only for a loopback host such as 127.0.0.1 or localhost)');
