import { createDonegateFinder } from './secrets-labelled/donegate-finder.js';
import type { FamilyScore, SecretFinder } from './secrets-labelled/evaluate-secrets.js';
import { evaluateSecrets, totalScore } from './secrets-labelled/evaluate-secrets.js';
import { buildLabelledSecrets, DEFAULT_SEED } from './secrets-labelled/labelled-secrets.js';
import { secretlintFinder } from './secrets-labelled/secretlint-finder.js';

// Recall and false alarms per family on the labelled secrets set, for each candidate rule set, as a Markdown table.
const seed = Number(process.env.SECRETS_SEED ?? DEFAULT_SEED);
const samples = buildLabelledSecrets(seed);
const candidates: ReadonlyArray<[string, SecretFinder]> = [
  ['secretlint preset-recommend', secretlintFinder],
  ['donegate', createDonegateFinder()],
];

const results: Array<[string, FamilyScore[]]> = [];
for (const [name, find] of candidates) {
  const scores = await evaluateSecrets(samples, find);
  results.push([name, [...scores, totalScore(scores)]]);
}

const cell = ({ recall, found, secrets, falseAlarms, negatives }: FamilyScore) => `${recall.toFixed(2)} (${found}/${secrets}) · ${falseAlarms}/${negatives}`;
console.log(`Labelled secrets set, seed ${seed}: ${samples.length} samples. Cells: recall (found/secrets) · false alarms/negatives.\n`);
console.log(`| family | ${results.map(([name]) => name).join(' | ')} |`);
console.log(`|---|${results.map(() => '---').join('|')}|`);
for (const [index, { family }] of (results[0]?.[1] ?? []).entries()) {
  console.log(`| ${family} | ${results.map(([, scores]) => (scores[index] ? cell(scores[index]) : '')).join(' | ')} |`);
}
