import { describe, expect, it } from '@jest/globals';
import { artifactRefsInDescription } from '../../src/artifacts/find-artifact-refs.js';
import { datasetsInDescription } from '../../src/criteria/ticket-datasets.js';
import { measureGrowth, type HostileTarget } from '../support/hostile-text.js';

// The attack: anyone who can edit a ticket writes a heading line padded with blanks; the worker reads the
// description for its Artifacts and Datasets sections on every evaluation. `Artifacts` + 400 spaces + `x`
// took 1.8 s, and 1,000 spaces did not finish in 60 s, holding the ticket's job and a worker slot.
const PADDINGS = [' ', '\t', '\u00a0', ' :', '* '];
const LENGTHS = [100, 200, 400, 1_000, 10_000, 1_000_000];

const readers: HostileTarget[] = [
  { name: 'artifact refs after a padded title', wrap: (run) => `Artifacts${run}x\n- s3://models/a.bin`, read: artifactRefsInDescription },
  { name: 'artifact refs after a padded bold title', wrap: (run) => `**Artifacts${run}**${run}x\n- s3://models/a.bin`, read: artifactRefsInDescription },
  { name: 'datasets after a padded title', wrap: (run) => `## Datasets${run}:${run}x\n- data/a.csv`, read: datasetsInDescription },
  { name: 'datasets up to a padded next heading', wrap: (run) => `## Datasets\n- data/a.csv\n**Notes**${run}:${run}x`, read: datasetsInDescription },
];

describe('a ticket description with padded section titles', () => {
  it.each(readers.map((reader) => [reader.name, reader] as const))('%s is read in time linear in the padding, up to 1 MB', (_name, reader) => {
    const problems = PADDINGS.flatMap((padding) => measureGrowth(reader, padding, LENGTHS).problem ?? []);
    expect(problems).toEqual([]);
  });

  it('still finds the section when its title is padded', () => {
    expect(artifactRefsInDescription(`Artifacts${' '.repeat(1000)}\n- s3://models/a.bin`)).toEqual([expect.objectContaining({ scheme: 's3', bucket: 'models', key: 'a.bin' })]);
  });
});
