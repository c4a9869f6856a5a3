/**
 * `npx tsx bench/comment-render-cost.ts`: what rendering donegate's comment costs when every field (headline,
 * reason, fix, five details, a note, the footer) holds the same hostile value of 10 kB, 100 kB and 1 MB.
 * Only the start of a value is ever shown, so the cost should not grow with the value.
 */
import type { VerdictComment } from '../src/domain/index.js';
import { verdictToAdf } from '../src/trackers/jira/verdict-to-adf.js';
import { verdictToMarkdown } from '../src/trackers/render/markdown/verdict-to-markdown.js';

const SHAPES: Record<string, string> = {
  'links and hosts': 'evil.example @x [a](https://e.x) ',
  spaces: ' ',
  backticks: '`',
  'zero-width': '\u200B',
  'line breaks': '\n# x\r\n',
};

/** The median of seven runs, so one garbage collection or a busy neighbour does not set the number. */
function timed(render: () => unknown): number {
  const runs = Array.from({ length: 7 }, () => {
    const started = performance.now();
    render();
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return runs[3]!;
}

for (const size of [10_000, 100_000, 1_000_000]) {
  for (const [shape, unit] of Object.entries(SHAPES)) {
    const value = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const comment: VerdictComment = {
      status: 'fail',
      mode: 'block',
      headline: value,
      criteria: [{ criterion: 'pii-scan', status: 'fail', reason: value, fix: value, details: [value, value, value, value, value] }],
      notes: [value],
      footer: value,
    };
    const markdown = timed(() => verdictToMarkdown(comment));
    const adf = timed(() => verdictToAdf(comment));
    console.log(`${String(size).padStart(9)} B per field  ${shape.padEnd(16)} Markdown ${markdown.toFixed(1).padStart(6)} ms   ADF ${adf.toFixed(1).padStart(6)} ms`);
  }
}
