import { createDonegateFinder } from './donegate-finder.js';
import { buildLabelledSecrets } from './labelled-secrets.js';
import { secretlintFinder } from './secretlint-finder.js';
const which = process.argv[2] === 'sl' ? secretlintFinder : createDonegateFinder();
for (const sample of buildLabelledSecrets()) {
  const spans = await which(sample.text);
  const start = sample.text.indexOf(sample.secret ?? '');
  const hit = sample.label === 'secret' ? spans.some((s) => s.start < start + (sample.secret ?? '').length && start < s.end) : spans.length > 0;
  if (hit !== (sample.label === 'secret')) console.log(sample.family, sample.label, JSON.stringify(sample.text.slice(0, 160)), JSON.stringify(spans));
}
