import { html, type Html } from '../render/html.js';

export interface BarSeries {
  label: string;
  /** A class of the stylesheet that colours the bars (`series-a`, `series-b`). */
  className: string;
  values: ReadonlyArray<number | null>;
}

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 40, left: 44 };

/**
 * A bar chart as server-rendered SVG: `role="img"` with a title and a summary for screen readers (the data
 * table that follows it carries every number). Groups of bars, one group per label.
 */
export function barChart(options: { id: string; title: string; summary: string; labels: readonly string[]; series: readonly BarSeries[] }): Html {
  const max = Math.max(1, ...options.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const group = plotWidth / Math.max(1, options.labels.length);
  const bar = Math.max(2, (group * 0.8) / options.series.length);
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  // About 80 px per label, so week names never overlap; the table below names every one.
  const every = Math.max(1, Math.ceil((options.labels.length * 80) / plotWidth));
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${options.id}-title ${options.id}-desc" xmlns="http://www.w3.org/2000/svg">
<title id="${options.id}-title">${options.title}</title>
<desc id="${options.id}-desc">${options.summary}</desc>
<line class="axis" x1="${PAD.left}" y1="${PAD.top + plotHeight}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotHeight}"></line>
<text x="${PAD.left - 6}" y="${PAD.top + 10}" text-anchor="end">${formatNumber(max)}</text>
<text x="${PAD.left - 6}" y="${PAD.top + plotHeight}" text-anchor="end">0</text>
${options.labels.map((label, index) => {
  const x0 = PAD.left + index * group + group * 0.1;
  return html`<g>${options.series.map((s, k) => {
    const value = s.values[index] ?? 0;
    return html`<rect class="${s.className}" x="${(x0 + k * bar).toFixed(1)}" y="${y(value).toFixed(1)}" width="${(bar - 1).toFixed(1)}" height="${(PAD.top + plotHeight - y(value)).toFixed(1)}"></rect>`;
  })}${index % every === 0 ? html`<text x="${(x0 + (bar * options.series.length) / 2).toFixed(1)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle">${label}</text>` : ''}</g>`;
})}
${options.series.map((s, k) => html`<rect class="${s.className}" x="${PAD.left + k * 160}" y="${HEIGHT - 14}" width="10" height="10"></rect><text x="${PAD.left + k * 160 + 14}" y="${HEIGHT - 5}">${s.label}</text>`)}
</svg>`;
}

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
