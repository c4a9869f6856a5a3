const HOME = '/ui/board';
/** Sign-in pages themselves: coming back to them after signing in would be a loop. */
const SIGN_IN_PATHS = /^\/ui\/(login|logout|auth\/|link\/)/;

/**
 * Where to send someone after sign-in: the page they asked for, if it is one of ours, else the board. Only
 * a relative path under /ui/ qualifies, so a crafted `next` cannot bounce a fresh session to another site.
 * @example safeNext('/ui/waivers?status=active') // '/ui/waivers?status=active'
 * @example safeNext('//evil.example/ui/') // '/ui/board'
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000 || !next.startsWith('/ui/')) return HOME;
  // Backslashes and control characters are read by some browsers as slashes or dropped: refuse them outright.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(next) || SIGN_IN_PATHS.test(next)) return HOME;
  const base = 'http://donegate.invalid';
  const url = new URL(next, base);
  return url.origin === base && url.pathname.startsWith('/ui/') ? `${url.pathname}${url.search}` : HOME;
}
