/**
 * Layering rules for src/, derived from dependency-layers.json (one list, also drawn in README "How it
 * works"). Each folder may import only folders of lower layers; the domain imports nothing of ours but
 * zod; no module takes part in an import cycle.
 */
import { readFileSync } from 'node:fs';

const { layers } = JSON.parse(readFileSync(new URL('./dependency-layers.json', import.meta.url), 'utf8'));

const alternatives = (folders) => folders.map((folder) => folder.replace(/[-]/g, '\\-')).join('|');
const allFolders = layers.flat();

/** For each layer: its folders must not import a folder of the same or a higher layer (other than their own). */
const layerRules = layers.map((folders, index) => ({
  name: `layer-${index}-imports-only-lower-layers`,
  comment: `${folders.join(', ')} may import only: ${layers.slice(0, index).flat().join(', ') || 'nothing of ours'} (dependency-layers.json)`,
  severity: 'error',
  from: { path: `^src/(${alternatives(folders)})/` },
  to: { path: `^src/(${alternatives(layers.slice(index).flat())})/`, pathNot: '^src/$1/' },
}));

export default {
  forbidden: [
    ...layerRules,
    {
      name: 'every-folder-has-a-layer',
      comment: 'A new folder under src/ gets a place in dependency-layers.json (and in README "How it works").',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: `^src/(${alternatives(allFolders)})/` },
      to: {},
    },
    {
      name: 'domain-imports-only-zod',
      comment: 'The shared words depend on nothing of ours, so every folder can use them without a cycle.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^(src/domain/|node_modules/zod/)' },
    },
    {
      name: 'no-circular',
      comment: 'No module takes part in an import cycle (this replaces madge --circular).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
