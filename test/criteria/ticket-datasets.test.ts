import { datasetsInDescription } from '../../src/criteria/ticket-datasets.js';

const SHA = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

describe('datasetsInDescription', () => {
  it.each([
    ['a Markdown heading and list', `## Datasets\n- data/train.csv\n* ./data/eval.jsonl.gz ${SHA}`],
    ['a Jira wiki heading', `h2. Datasets\n- data/train.csv\n- data/eval.jsonl.gz sha256: ${SHA}`],
    ['a bold title with a colon', `**Datasets:**\n1. \`data/train.csv\`\n2. data/eval.jsonl.gz (${SHA})`],
    ['sha256sum lines', `Data sets:\n${'0'.repeat(64)}  data/train.csv\n${SHA}  data/eval.jsonl.gz`],
  ])('reads %s', (_form, description) => {
    const files = datasetsInDescription(description);
    expect(files.map((f) => f.path)).toEqual(['data/train.csv', 'data/eval.jsonl.gz']);
    expect(files[1]).toEqual({ path: 'data/eval.jsonl.gz', sha256: SHA });
  });

  it('stops at the next section and ignores prose, links and bucket URIs', () => {
    const description = [
      'We retrain on last quarter, see docs/plan.md.',
      '## Datasets',
      '- data/train.csv',
      '- s3://raw-exports/customers.csv (not scanned here)',
      '- https://wiki.example.com/data.html',
      'the features come from two tables',
      '## Artifacts',
      '- s3://models/churn.safetensors',
      '- out/model.onnx',
    ].join('\n');
    expect(datasetsInDescription(description)).toEqual([{ path: 'data/train.csv' }]);
  });

  it('declares nothing without a Datasets section', () => {
    expect(datasetsInDescription('Train on data/train.csv and data/eval.csv')).toEqual([]);
    expect(datasetsInDescription('')).toEqual([]);
  });
});
