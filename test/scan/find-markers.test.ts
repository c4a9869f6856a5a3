import { seededRandom } from '../../bench/scan-generate.js';
import { createDefaultDetectors } from '../../src/scan/index.js';
import { createMarkerSearch, createMarkerTest } from '../../src/scan/find-markers.js';

const markers = createDefaultDetectors().flatMap((detector) => detector.markers ?? []);

describe('createMarkerTest', () => {
  it('answers as testing each marker with includes would, on texts made of marker pieces', () => {
    const random = seededRandom(42);
    const pieces = [...markers.flatMap((marker) => [marker, marker.slice(1), marker.slice(0, -1)]), ' ', '-', '_', 'k', 'A', 'ab 12'];
    const hasMarker = createMarkerTest(markers);
    let positives = 0;
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)] ?? '').join('');
      const expected = markers.some((marker) => text.includes(marker));
      if (expected) positives++;
      expect([text, hasMarker(text)]).toEqual([text, expected]);
    }
    expect(positives).toBeGreaterThan(300);
  });

  it('finds a marker at the very start and the very end of the text', () => {
    const hasMarker = createMarkerTest(['eyJ', '-----BEGIN']);
    expect([hasMarker('eyJ…'), hasMarker('…-----BEGIN'), hasMarker('yJ -----BEGI')]).toEqual([true, true, false]);
  });
});

describe('createMarkerSearch', () => {
  it('names exactly the markers includes would find, on texts made of marker pieces', () => {
    const random = seededRandom(43);
    const pieces = [...markers.flatMap((marker) => [marker, marker.slice(1), marker.slice(0, -1)]), ' ', '-', '_', 'k', 'A', 'ab 12'];
    const heldIn = createMarkerSearch(markers);
    let withTwo = 0;
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)] ?? '').join('');
      const expected = [...new Set(markers.filter((marker) => text.includes(marker)))].sort();
      if (expected.length >= 2) withTwo++;
      expect([text, [...heldIn(text)].sort()]).toEqual([text, expected]);
    }
    expect(withTwo).toBeGreaterThan(100);
  });

  it('keeps looking past a common marker for the rarer ones sharing its probe character', () => {
    const heldIn = createMarkerSearch(['SK', 'AK', 'sk-']);
    expect([...heldIn('SKU-1 SKU-2 xAK sk-')].sort()).toEqual(['AK', 'SK', 'sk-']);
  });
});

describe('the AWS secret key prefilter', () => {
  it('passes exactly where /aws|secret/i finds a word', () => {
    const [awsSecret] = createDefaultDetectors().filter((detector) => detector.id === 'aws-secret-access-key');
    const random = seededRandom(7);
    const pieces = ['aws', 'AWS', 'aWs', 'aw', 'ws', 'SECRET', 'Secret', 'secre', 'ecret', 'sec', 'ret', 'c', 'w', 'C', 'W', ' ', 'ſecret', 'A\u0301WS', 'x'];
    let positives = 0;
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 5) }, () => pieces[Math.floor(random() * pieces.length)] ?? '').join('');
      const expected = /aws|secret/i.test(text);
      if (expected) positives++;
      expect([text, awsSecret?.prefilter(text)]).toEqual([text, expected]);
    }
    expect(positives).toBeGreaterThan(300);
  });
});
