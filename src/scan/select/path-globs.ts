import picomatch from 'picomatch';

/**
 * `--include` and `--exclude` globs, matched against a path relative to the scanned folder. `**` crosses
 * folders and also matches names starting with a dot (a `.env` is exactly what a scan is for); a glob
 * without a slash matches the name at any depth, as in `.gitignore` (`--exclude '*.min.js'`).
 */
// picomatch's own `basename` option also rewrites globs that have a slash, so the rule is applied here.
const anyDepth = (glob: string): string => {
  const trimmed = glob.replace(/\/+$/, '');
  return trimmed.includes('/') ? trimmed.replace(/^\.\//, '') : `**/${trimmed}`;
};

export function createPathGlobs(include: readonly string[], exclude: readonly string[]) {
  const excluded = exclude.length > 0 ? picomatch(exclude.map(anyDepth), { dot: true }) : undefined;
  const included = include.length > 0 ? picomatch(include.map(anyDepth), { dot: true }) : undefined;
  return {
    /** Why this path is left out, if it is; a folder is only ever excluded, never "not included", as files under it may be. */
    skip(path: string, folder: boolean): 'excluded' | 'not-included' | undefined {
      if (excluded?.(path)) return 'excluded';
      if (!folder && included && !included(path)) return 'not-included';
      return undefined;
    },
  };
}
