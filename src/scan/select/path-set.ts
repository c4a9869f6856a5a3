/** Repository-relative paths and every folder above them, so a walk can skip a folder holding none of them. */
export interface PathSet {
  has(path: string): boolean;
  holds(folder: string): boolean;
}

export function createPathSet(paths: Iterable<string>): PathSet {
  const files = new Set<string>();
  const folders = new Set<string>(['']);
  for (const path of paths) {
    files.add(path);
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) folders.add(path.slice(0, slash));
  }
  return { has: (path) => files.has(path), holds: (folder) => folders.has(folder) };
}
