import { describe, expect, it } from '@jest/globals';
import { createDefaultDetectors } from '../../src/scan/index.js';
import { matchLine } from '../../src/scan/match-line.js';
import { measureGrowth, type HostileTarget } from '../support/hostile-text.js';

// The attack: a file whose one long line repeats a secret-like name, so the generic-secret pattern starts a
// match at every `pass` and runs to the line's end. A 200 kB `x=<24 chars>passpass…` line took 11 s; the
// scanner reads lines up to 1 MiB whole, so a CI scan or the worker's scan of an attachment stalls.
const detectors = createDefaultDetectors();
const LENGTHS = [2_000, 20_000, 200_000, 2 ** 20];
const NAMES = ['pass', 'token', 'secret_', 'api-key', 'Credential.', 'auth'];

const line: HostileTarget = { name: 'a scanned line', wrap: (run) => `x=aB3$kL9!mQ2@pR7#zT5%yW8^${run}`, read: (text) => matchLine(text, detectors) };

describe('a scanned line repeating a secret-like name', () => {
  it.each(NAMES)('with %s over and over is scanned in time linear in its length, up to 1 MiB', (name) => {
    expect(measureGrowth(line, name, LENGTHS).problem).toBeUndefined();
  });

  it('still yields the secret assigned at its start, and only that', () => {
    const matches = matchLine(`password = "aB3$kL9!mQ2@pR7#zT5%" ${'pass'.repeat(50_000)}`, detectors);
    expect(matches.map((match) => [match.detector.id, match.value])).toEqual([['generic-secret', 'aB3$kL9!mQ2@pR7#zT5%']]);
  });
});
