import { isIPv6 } from 'node:net';
import type { Detector } from './detector.js';
import { verdict } from './detector.js';

// Private, loopback, link-local, CGNAT, documentation (RFC 5737), broadcast and unspecified ranges.
const NON_PUBLIC_V4 = /^(?:10\.|127\.|0\.|169\.254\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|255\.255\.255\.255$)/;

// `version 1.2.3.4`, `v1.2.3.4`, `build 10.0.0.1`, `section 3.1.4.1`: numbers, not addresses.
const NUMBERING_WORD = /(?:version|release|build|chapter|section|§)\W{0,3}$/i;
// `::ffff:192.0.2.128`, `64:ff9b::192.0.2.33`: the IPv4 tail of an IPv6 address, which the IPv6 detector reports.
const IPV6_HEAD = /[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,6}:$/;

/**
 * IPv4 addresses: four decimal octets ≤ 255 without leading zeros. A dotted run of five or more numbers
 * (`1.2.3.4.5`) or a `v1.2.3.4` version is not an address. Public addresses are `medium`, the ranges above
 * `low`: they identify infrastructure more than people.
 */
export const ipv4: Detector = {
  id: 'ipv4',
  kind: 'pii',
  version: 2,
  pattern: /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g,
  anchor: /\d\.\d{1,3}\.\d{1,3}\.\d/g,
  prefilter: (text) => text.includes('.'),
  validate(candidate, { text, index }) {
    if (candidate.split('.').some((octet) => Number(octet) > 255 || (octet.length > 1 && octet.startsWith('0')))) return undefined;
    const before = text.slice(Math.max(0, index - 40), index);
    if (NUMBERING_WORD.test(before) || IPV6_HEAD.test(before)) return undefined;
    return verdict(NON_PUBLIC_V4.test(candidate) ? 'low' : 'medium');
  },
  mask: (candidate) => `${candidate.slice(0, candidate.indexOf('.'))}.*.*.*`,
};

// Loopback, unspecified, link-local, unique-local and documentation (2001:db8::/32) prefixes.
const NON_PUBLIC_V6 = /^(?:::1?$|fe[89ab]|f[cd]|2001:0?db8:)/i;

/** An IPv6 address has `::` or seven colons; timestamps (`10:00:00`) have two, so most lines stop here. */
function hasIpv6Colons(text: string): boolean {
  if (text.includes('::')) return true;
  let colons = 0;
  for (let at = text.indexOf(':'); at !== -1 && colons < 7; at = text.indexOf(':', at + 1)) colons++;
  return colons >= 7;
}

/**
 * IPv6 addresses as `net.isIPv6` accepts them, full or compressed, with an IPv4 tail (`::ffff:1.2.3.4`) or a
 * zone id (`fe80::1%eth0`), bounded by any punctuation (`[::1]:8080`, `(2001:db8::1)`, a sentence's full stop).
 * At least five hex digits, so `a::b` in code does not count.
 */
export const ipv6: Detector = {
  id: 'ipv6',
  kind: 'pii',
  version: 2,
  pattern: /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?:%[\w.-]{1,32}(?<!\.))?(?![\w:]|\.[\w:])/g,
  // Every valid address has `::` or three colon-ended hex groups in a row (8 groups, or 6 and an IPv4 tail).
  anchor: /::|[0-9A-Fa-f]:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:/g,
  prefilter: hasIpv6Colons,
  validate(candidate) {
    const zone = candidate.indexOf('%');
    const address = zone === -1 ? candidate : candidate.slice(0, zone);
    if (!isIPv6(address)) return undefined;
    if (address.replace(/[^0-9A-Fa-f]/g, '').length < 5 && address !== '::1') return undefined;
    return verdict(NON_PUBLIC_V6.test(address) ? 'low' : 'medium');
  },
  mask: (candidate) => `${candidate.slice(0, candidate.indexOf(':'))}:****`,
};
