/** The parts of a package URL (https://github.com/package-url/purl-spec) that identify a package. */
export interface Purl {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** `pkg:npm/%40babel/core@7.0.0?x=y#sub` → { type: 'npm', namespace: '@babel', name: 'core', version: '7.0.0' }. */
export function parsePurl(text: string): Purl | undefined {
  if (!text.startsWith('pkg:')) return undefined;
  let rest = text.slice(4).replace(/^\/+/, '');
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const query = rest.indexOf('?');
  if (query >= 0) rest = rest.slice(0, query);
  const slash = rest.indexOf('/');
  if (slash <= 0) return undefined;
  const type = rest.slice(0, slash).toLowerCase();
  let path = rest.slice(slash + 1);
  let version: string | undefined;
  const at = path.lastIndexOf('@');
  // An '@' right after a '/' (or at the start) begins a name or scope, not a version.
  if (at > 0 && path[at - 1] !== '/') {
    version = decode(path.slice(at + 1));
    path = path.slice(0, at);
  }
  const segments = path.split('/').filter((segment) => segment !== '').map(decode);
  const name = segments.pop();
  if (!name) return undefined;
  const purl: Purl = { type, name };
  if (segments.length > 0) purl.namespace = segments.join('/');
  if (version) purl.version = version;
  return purl;
}
