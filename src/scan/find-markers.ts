// Characters by how common they are in text and data, most common first; a character not listed is rarer than all.
const COMMON = ' ",.:-0123456789etaoinsrhldcumfpgwybvkxjqz';

const rank = (char: string): number => {
  const at = COMMON.indexOf(char);
  return at === -1 ? COMMON.length : at;
};

/**
 * Tests whether a text holds any of a set of literal strings (the rare secret detectors' markers) faster than
 * one `includes` each or one regex alternation: each literal is looked for only where its rarest character
 * occurs, and literals sharing that character share one `indexOf` scan, which V8 runs at memory speed.
 */
export function createMarkerTest(markers: readonly string[]): (text: string) => boolean {
  const byProbe = new Map<string, Array<{ marker: string; offset: number }>>();
  for (const marker of new Set(markers)) {
    if (marker.length === 0) return () => true;
    let offset = 0;
    for (let index = 1; index < marker.length; index++) if (rank(marker.charAt(index)) > rank(marker.charAt(offset))) offset = index;
    const probe = marker.charAt(offset);
    byProbe.set(probe, [...(byProbe.get(probe) ?? []), { marker, offset }]);
  }
  const groups = [...byProbe];
  return (text) => {
    for (const [probe, group] of groups) {
      for (let at = text.indexOf(probe); at !== -1; at = text.indexOf(probe, at + 1)) {
        for (const { marker, offset } of group) if (at >= offset && text.startsWith(marker, at - offset)) return true;
      }
    }
    return false;
  };
}
