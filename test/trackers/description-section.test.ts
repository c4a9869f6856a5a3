import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sectionLines, sectionTitle } from '../../src/trackers/description-section.js';

// The regexes the section reader used before it was made linear-time. On short lines they are fast and
// define the expected answers: the linear reader must recognise exactly the same titles and headings.
const regexTitle = (name: string) => new RegExp(`^\\s*(?:#{1,6}\\s*|h[1-6]\\.\\s*|\\*\\*|__)?\\s*(?:${name})\\s*:?\\s*(?:\\*\\*|__)?\\s*:?\\s*$`, 'i');
const REGEX_NEXT_SECTION = /^\s*(?:#{1,6}\s+\S|h[1-6]\.\s+\S|(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?\s*$|[A-Z][\w /-]{0,40}:\s*$)/;
function regexSectionLines(description: string, title: RegExp): string[] {
  const lines: string[] = [];
  let inSection = false;
  for (const line of description.split(/\r?\n/)) {
    if (title.test(line)) {
      inSection = true;
      continue;
    }
    if (inSection && REGEX_NEXT_SECTION.test(line)) inSection = false;
    if (inSection) lines.push(line);
  }
  return lines;
}

const NAMES = ['artifacts?', 'data\\s*sets?'];
const TOKENS = ['#', '##', '#######', 'h2.', 'h7.', '**', '__', '*', '_', ' ', '  ', '\t', '\u00a0', ':', 'Artifacts', 'artifact', 'ARTIFACTS', 'Data sets', 'datasets', 'Notes', 'x', '- s3://a/b', 'A', '1'];
const line = fc.array(fc.constantFrom(...TOKENS), { maxLength: 7 }).map((tokens) => tokens.join(''));

describe('sectionTitle', () => {
  it.each(NAMES)('recognises exactly the lines the title regex recognised, for %s', (name) => {
    const title = sectionTitle(name);
    const expected = regexTitle(name);
    fc.assert(fc.property(line, (text) => title.test(text) === expected.test(text)), { numRuns: 5000 });
  });

  it.each(['## Artifacts', 'h2. Artifacts', '**Artifacts:**', 'Artifacts:', '  __artifact__ : ', '#Artifacts', 'Artifacts**:'])('recognises %j', (text) => {
    expect(sectionTitle('artifacts?').test(text)).toBe(true);
  });

  it.each(['## Notes', '####### Artifacts', 'Artifacts:::', 'My artifacts', '## **Artifacts**'])('does not take %j for the title', (text) => {
    expect(sectionTitle('artifacts?').test(text)).toBe(false);
  });
});

describe('sectionLines', () => {
  it('returns the same lines as the regex reader for any description made of titles, headings and items', () => {
    const description = fc.array(line, { maxLength: 8 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(description, fc.constantFrom(...NAMES), (text, name) => {
        expect(sectionLines(text, sectionTitle(name))).toEqual(regexSectionLines(text, regexTitle(name)));
      }),
      { numRuns: 3000 },
    );
  });
});
