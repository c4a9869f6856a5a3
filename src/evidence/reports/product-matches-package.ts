import type { FindingPackage } from './finding.js';
import { parsePurl } from './purl.js';

/** PyPI names compare case-insensitively with -, _ and . equivalent (PEP 503); others compare lower-cased. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * Does a VEX product identifier name this finding's package? Conservative on purpose: a statement that
 * names a version only matches a finding whose version is known and equal, because a wrong match would
 * hide a real vulnerability.
 */
export function productMatchesPackage(product: string, pkg: FindingPackage): boolean {
  const purl = parsePurl(product);
  if (purl) {
    // Tools spell namespaced names differently: npm "@scope/name", Maven "group:artifact", Go "host/path/name".
    const names = purl.namespace ? [`${purl.namespace}/${purl.name}`, `${purl.namespace}:${purl.name}`, purl.name] : [purl.name];
    if (!names.some((name) => normalise(name) === normalise(pkg.name))) return false;
    return purl.version === undefined || purl.version === pkg.version;
  }
  if (normalise(product) === normalise(pkg.name)) return true;
  const at = product.lastIndexOf('@');
  if (at <= 0) return false;
  return normalise(product.slice(0, at)) === normalise(pkg.name) && product.slice(at + 1) === pkg.version;
}
