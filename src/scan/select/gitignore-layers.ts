import ignore, { type Ignore } from 'ignore';

/** `ignore` throws on a path it cannot take (`.`, `./a`); one the walk cannot make, but a throw would end the scan, so such a path is scanned. */
function testPath(rules: Ignore, path: string): { ignored: boolean; unignored: boolean } {
  try {
    return rules.test(path);
  } catch {
    return { ignored: false, unignored: false };
  }
}

/**
 * The ignore rules in force at one point of a depth-first walk: `info/exclude` and each `.gitignore` from the
 * repository's top down to the current folder, each matching paths relative to its own folder. As in git, the
 * deepest file that says anything about a path decides (a nested `!keep.txt` re-includes what the top
 * ignored), and a path under an ignored folder stays ignored.
 */
export function createGitignoreLayers() {
  const layers: Array<{ base: string; rules: Ignore }> = [];
  return {
    /** Adds the rules of the file in `base` (a repository-relative folder, '' for the top). */
    push(base: string, text: string): void {
      layers.push({ base, rules: ignore().add(text) });
    },
    /** Drops the rules of `base` when the walk leaves it. */
    pop(base: string): void {
      while (layers.length > 0 && layers[layers.length - 1]!.base === base) layers.pop();
    },
    /** True when git would ignore this repository-relative path (a folder is tested as `name/`). */
    ignores(path: string, folder: boolean): boolean {
      for (let index = layers.length - 1; index >= 0; index--) {
        const { base, rules } = layers[index]!;
        if (base !== '' && !path.startsWith(`${base}/`)) continue;
        const relative = base === '' ? path : path.slice(base.length + 1);
        const result = testPath(rules, folder ? `${relative}/` : relative);
        if (result.ignored) return true;
        if (result.unignored) return false;
      }
      return false;
    },
  };
}
