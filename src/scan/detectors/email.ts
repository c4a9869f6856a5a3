import type { Detector } from './detector.js';
import { verdict } from './detector.js';

// RFC 2606 / RFC 6761 reserved names: addresses there are documentation, not people.
const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/i;
// `logo@2x.png`, `icon@3x.webp`: asset names, not addresses.
const FILE_EXTENSION = /^(?:png|jpe?g|gif|svg|webp|bmp|ico|js|ts|css|map|json|ya?ml|txt|md|py|zip|gz)$/i;
// `git@github.com:org/repo.git`: an SSH remote, a host and a path rather than a mailbox.
const SSH_PATH = /^:[\w~./-]/;

/**
 * E-mail addresses as people write them: sub-addressed (`anna+invoices@…`), with internationalised domains in
 * Unicode (`bücher.de`, `почта.рф`) or punycode (`xn--bcher-kva.de`, a `xn--p1ai` top-level domain), and
 * with Unicode local parts (RFC 6531: `jörg@…`, `李雷@…`). An apostrophe may sit inside a local part
 * (`o'brien@…`), not at its start, so a quoted address starts after the quote.
 */
export const email: Detector = {
  id: 'email',
  kind: 'pii',
  version: 2,
  // A domain has at most 127 labels (253 characters, RFC 1035), so the labels' repeat is bounded too.
  pattern:
    /(?<![\p{L}\p{N}\p{M}._%+-])(?<![\p{L}\p{N}]')[\p{L}\p{N}_%+-][\p{L}\p{N}\p{M}._%+'-]{0,63}@[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?){0,125}\.(?:\p{L}[\p{L}\p{M}]{1,23}|xn--[a-z0-9-]{1,59})(?![\p{L}\p{N}\p{M}_-]|\.[\p{L}\p{N}])/gu,
  anchor: /@/g,
  prefilter: (text) => text.includes('@'),
  validate(candidate, { text, index }) {
    const at = candidate.lastIndexOf('@');
    const local = candidate.slice(0, at);
    const domain = candidate.slice(at + 1);
    if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return undefined;
    if (domain.length > 253) return undefined;
    const tld = domain.slice(domain.lastIndexOf('.') + 1);
    if (FILE_EXTENSION.test(tld)) return undefined;
    if (SSH_PATH.test(text.slice(index + candidate.length, index + candidate.length + 2))) return undefined;
    return verdict(RESERVED_DOMAIN.test(domain) ? 'low' : 'high');
  },
  mask(candidate) {
    const at = candidate.lastIndexOf('@');
    const domain = candidate.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    // Whole code points, so a masked Unicode address never ends in half a surrogate pair.
    const first = (text: string): string => String.fromCodePoint(text.codePointAt(0) ?? 42);
    return `${first(candidate)}***@${first(domain)}***${domain.slice(dot)}`;
  },
};
