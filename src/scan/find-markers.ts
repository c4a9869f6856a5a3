// Characters by how common they are in text and data, most common first; a character not listed is rarer than all.
const COMMON = ' ",.:-0123456789etaoinsrhldcumfpgwybvkxjqz';

const rank = (char: string): number => {
  const at = COMMON.indexOf(char);
  return at === -1 ? COMMON.length : at;
};

type ProbeGroups = Array<[probe: string, group: Array<{ marker: string; offset: number }>]>;

/** Groups the literals by their rarest character (the probe), with each literal's offset of that character. */
function probeGroupsOf(markers: readonly string[]): ProbeGroups | undefined {
  const byProbe = new Map<string, Array<{ marker: string; offset: number }>>();
  for (const marker of new Set(markers)) {
    if (marker.length === 0) return undefined;
    let offset = 0;
    for (let index = 1; index < marker.length; index++) if (rank(marker.charAt(index)) > rank(marker.charAt(offset))) offset = index;
    const probe = marker.charAt(offset);
    byProbe.set(probe, [...(byProbe.get(probe) ?? []), { marker, offset }]);
  }
  return [...byProbe];
}

/**
 * Tests whether a text holds any of a set of literal strings (the rare secret detectors' markers) faster than
 * one `includes` each or one regex alternation: each literal is looked for only where its rarest character
 * occurs, and literals sharing that character share one `indexOf` scan, which V8 runs at memory speed.
 */
export function createMarkerTest(markers: readonly string[]): (text: string) => boolean {
  const groups = probeGroupsOf(markers);
  if (!groups) return () => true;
  return (text) => {
    for (const [probe, group] of groups) {
      for (let at = text.indexOf(probe); at !== -1; at = text.indexOf(probe, at + 1)) {
        for (const { marker, offset } of group) if (at >= offset && text.startsWith(marker, at - offset)) return true;
      }
    }
    return false;
  };
}

/**
 * Which of a set of literal strings a text holds, found the same way as `createMarkerTest` in one pass for all
 * of them: a probe's scan stops once each literal sharing it has been seen. The empty string is always held.
 */
export function createMarkerSearch(markers: readonly string[]): (text: string) => Set<string> {
  const groups = probeGroupsOf(markers) ?? [];
  const empty = markers.includes('');
  return (text) => {
    const held = new Set<string>(empty ? [''] : []);
    for (const [probe, group] of groups) {
      let missing = group.length;
      for (let at = text.indexOf(probe); at !== -1 && missing > 0; at = text.indexOf(probe, at + 1)) {
        for (const { marker, offset } of group) {
          if (held.has(marker) || at < offset || !text.startsWith(marker, at - offset)) continue;
          held.add(marker);
          missing--;
        }
      }
    }
    return held;
  };
}
