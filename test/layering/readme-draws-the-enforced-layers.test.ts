import { readdirSync, readFileSync } from 'node:fs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const { layers } = JSON.parse(readFileSync(new URL('../../dependency-layers.json', import.meta.url), 'utf8')) as { layers: string[][] };

/** The picture between the layer markers, lowest layer first (README draws the highest on top). */
function drawnLayers(): string[][] {
  const block = /<!-- layers:start -->\s*```\n([\s\S]*?)```\s*<!-- layers:end -->/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README has no layer picture between <!-- layers:start --> and <!-- layers:end -->');
  return block
    .trim()
    .split('\n')
    .map((line) => line.split('·').map((folder) => folder.trim()).sort())
    .reverse();
}

describe('the layer picture in README "How it works"', () => {
  it('draws exactly the layers dependency-cruiser enforces, in the same order', () => {
    expect(drawnLayers()).toEqual(layers.map((folders) => [...folders].sort()));
  });

  it('puts the domain alone at the bottom, where it can import nothing of ours', () => {
    expect(layers[0]).toEqual(['domain']);
  });

  it('gives every folder under src/ a layer, so none escapes the rules', () => {
    const folders = readdirSync(new URL('../../src/', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !layers.flat().includes(folder))).toEqual([]);
  });
});
