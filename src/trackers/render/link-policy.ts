/**
 * Advisory databases a finding may link to. An entry is a host, or a host and the path its pages live
 * under (`github.com/advisories` links advisories, not any repository).
 */
export const ADVISORY_LINK_HOSTS: readonly string[] = ['osv.dev', 'github.com/advisories', 'nvd.nist.gov', 'www.cve.org', 'cve.mitre.org'];

/** The href to link `candidate` to, or undefined when it must be shown as inert text. */
export type LinkPolicy = (candidate: string) => string | undefined;

export interface LinkPolicyOptions {
  /** Extra `host` or `host/path` entries (the vendor's own security pages), added to ADVISORY_LINK_HOSTS. */
  advisoryHosts?: readonly string[];
  /** Origins of the tracker itself (`https://acme.atlassian.net`); any page there may be linked. */
  trackerOrigins?: readonly string[];
}

interface HostEntry {
  host: string;
  pathPrefix: string;
}

function hostEntry(entry: string): HostEntry {
  const slash = entry.indexOf('/');
  if (slash === -1) return { host: entry.toLowerCase(), pathPrefix: '' };
  return { host: entry.slice(0, slash).toLowerCase(), pathPrefix: entry.slice(slash).replace(/\/+$/, '') };
}

function parseUrl(candidate: string): URL | undefined {
  try {
    return new URL(candidate);
  } catch {
    return undefined;
  }
}

/**
 * Which URLs in hostile text become links. The candidate is parsed as a browser would (WHATWG URL), so a
 * look-alike host is compared in its punycode form, `https://user@osv.dev@evil.com/` has host `evil.com`,
 * and `https://osv.dev.evil.com/` or `https://evil.com/?osv.dev` match nothing. Advisory links must be
 * `https` on the default port with no credentials; tracker links must match the configured origin exactly.
 *
 * @example createLinkPolicy({ trackerOrigins: ['https://acme.atlassian.net'] })('https://osv.dev/vulnerability/GHSA-1')
 */
export function createLinkPolicy(options: LinkPolicyOptions = {}): LinkPolicy {
  const entries = [...ADVISORY_LINK_HOSTS, ...(options.advisoryHosts ?? [])].map(hostEntry);
  const origins = new Set((options.trackerOrigins ?? []).flatMap((origin) => parseUrl(origin)?.origin ?? []));
  return (candidate) => {
    const url = parseUrl(candidate);
    if (!url || url.username !== '' || url.password !== '') return undefined;
    if (origins.has(url.origin)) return url.href;
    if (url.protocol !== 'https:' || url.port !== '') return undefined;
    const allowed = entries.some(
      ({ host, pathPrefix }) =>
        url.hostname === host && (pathPrefix === '' || url.pathname === pathPrefix || url.pathname.startsWith(`${pathPrefix}/`)),
    );
    return allowed ? url.href : undefined;
  };
}
