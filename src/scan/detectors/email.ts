import type { Detector } from './detector.js';
import { verdict } from './detector.js';

// RFC 2606 / RFC 6761 reserved names: addresses there are documentation, not people.
const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/i;
// `logo@2x.png`, `icon@3x.webp`: asset names, not addresses.
const FILE_EXTENSION = /^(?:png|jpe?g|gif|svg|webp|bmp|ico|js|ts|css|map|json|ya?ml|txt|md|py|zip|gz)$/i;

export const email: Detector = {
  id: 'email',
  kind: 'pii',
  version: 1,
  // A domain has at most 127 labels (253 characters, RFC 1035), so the labels' repeat is bounded too.
  pattern:
    /(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?){0,125}\.[A-Za-z]{2,24}(?![\w-]|\.[A-Za-z0-9])/g,
  anchor: /@/g,
  prefilter: (text) => text.includes('@'),
  validate(candidate) {
    const at = candidate.lastIndexOf('@');
    const local = candidate.slice(0, at);
    const domain = candidate.slice(at + 1);
    if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return undefined;
    if (domain.length > 253) return undefined;
    const tld = domain.slice(domain.lastIndexOf('.') + 1);
    if (FILE_EXTENSION.test(tld)) return undefined;
    return verdict(RESERVED_DOMAIN.test(domain) ? 'low' : 'high');
  },
  mask(candidate) {
    const at = candidate.lastIndexOf('@');
    const domain = candidate.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    return `${candidate.slice(0, 1)}***@${domain.slice(0, 1)}***${domain.slice(dot)}`;
  },
};
