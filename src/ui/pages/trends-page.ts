import { Router } from 'express';
import { z } from 'zod';
import { principalOf } from '../../auth/principal-of.js';
import { projectInScope } from '../../auth/project-key.js';
import type { TrackerName } from '../../domain/index.js';
import { requireUiPrincipal } from '../auth/require-ui-principal.js';
import { html, type Html } from '../render/html.js';
import { renderPage } from '../render/page.js';
import { barChart } from '../trends/bar-chart.js';
import { readTrendProjects, readTrends, type Trends } from '../trends/read-trends.js';
import type { UiDeps } from '../ui-deps.js';

const querySchema = z.object({
  weeks: z.coerce.number().int().min(1).max(52).catch(12),
  project: z.string().max(200).catch('').default(''),
});

const hoursText = (value: number | null) => (value === null ? '–' : `${value} h`);

/**
 * `GET /ui/trends?weeks=12&project=` (decisions:read): per ISO week, over the projects the signed-in person
 * may see (or the one asked for), how many tickets were blocked, how many blocks were cleared and how long
 * that took, which criteria block most, and how many waivers were opened. Charts are SVG, each followed by
 * its numbers as a table.
 */
export function createTrendsPage(deps: UiDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  router.get('/trends', requireUiPrincipal(deps, 'decisions:read'), async (req, res) => {
    const principal = principalOf(res);
    const { weeks, project } = querySchema.parse(req.query);
    const visible = (await readTrendProjects(deps.db)).filter((p) => projectInScope(principal.projects, p.project, p.tracker as TrackerName));
    const chosen = project === '' ? visible : visible.filter((p) => `${p.tracker}:${p.project}` === project);
    const trends = await readTrends(deps.db, { now: now(), weeks, projects: chosen.map((p) => `${p.tracker}:${p.project}`) });
    const csrfToken = typeof res.locals.csrfToken === 'string' ? res.locals.csrfToken : undefined;
    const body = html`<form method="get" action="/ui/trends" class="filters">
<label>Weeks <input type="number" name="weeks" min="1" max="52" value="${weeks}"></label>
<label>Project <select name="project"><option value="">All my projects</option>${visible.map((p) => {
      const key = `${p.tracker}:${p.project}`;
      return html`<option value="${key}"${key === project ? html` selected` : ''}>${p.project} (${p.tracker})</option>`;
    })}</select></label>
<button type="submit" class="secondary">Show</button>
</form>
${project !== '' && chosen.length === 0 ? html`<p class="notice error" role="alert">No project ${project} among yours; showing none.</p>` : ''}
${trendSections(trends)}`;
    res.type('html').send(renderPage({ title: 'Trends', principal, ...(csrfToken ? { csrfToken } : {}), current: '/ui/trends', body }));
  });
  return router;
}

function trendSections(trends: Trends): Html {
  const labels = trends.weeks.map((w) => w.week);
  const sum = (pick: (w: Trends['weeks'][number]) => number) => trends.weeks.reduce((n, w) => n + pick(w), 0);
  const top = trends.criteria[0];
  return html`<h2 id="blocks">Blocked and cleared</h2>
${barChart({
  id: 'blocks-chart',
  title: 'Tickets blocked and blocks cleared per week',
  summary: `${sum((w) => w.blocked)} tickets blocked and ${sum((w) => w.cleared)} blocks cleared over ${trends.weeks.length} weeks.`,
  labels,
  series: [
    { label: 'Tickets blocked', className: 'series-a', values: trends.weeks.map((w) => w.blocked) },
    { label: 'Blocks cleared', className: 'series-b', values: trends.weeks.map((w) => w.cleared) },
  ],
})}
<table id="weeks-table">
<caption>Per ISO week (weeks start on Monday, UTC)</caption>
<thead><tr><th scope="col">Week</th><th scope="col">Tickets blocked</th><th scope="col">Blocks cleared</th><th scope="col">Median time from block to pass</th><th scope="col">Waivers opened</th></tr></thead>
<tbody>${trends.weeks.map((w) => html`<tr><th scope="row"><time datetime="${w.start}">${w.week}</time></th><td>${w.blocked}</td><td>${w.cleared}</td><td>${hoursText(w.medianHoursToPass)}</td><td>${w.waiversOpened}</td></tr>`)}</tbody>
</table>
<h2 id="time-to-pass">Time from block to pass</h2>
${barChart({
  id: 'median-chart',
  title: 'Median hours from block to pass per week',
  summary: trends.weeks.some((w) => w.medianHoursToPass !== null) ? `Longest weekly median: ${Math.max(...trends.weeks.map((w) => w.medianHoursToPass ?? 0))} hours.` : 'No block was cleared in these weeks.',
  labels,
  series: [{ label: 'Median hours', className: 'series-c', values: trends.weeks.map((w) => w.medianHoursToPass) }],
})}
<table><caption>Median hours from a ticket's first block to the pass that cleared it, per week</caption>
<thead><tr><th scope="col">Week</th><th scope="col">Median</th></tr></thead>
<tbody>${trends.weeks.map((w) => html`<tr><th scope="row">${w.week}</th><td>${hoursText(w.medianHoursToPass)}</td></tr>`)}</tbody></table>
<h2 id="criteria">Criteria that block most</h2>
${barChart({
  id: 'criteria-chart',
  title: 'Block decisions each criterion failed in',
  summary: top ? `${top.criterion} blocked most, in ${top.blocks} decisions.` : 'Nothing was blocked in these weeks.',
  labels: trends.criteria.map((c) => c.criterion),
  series: [{ label: 'Block decisions', className: 'series-a', values: trends.criteria.map((c) => c.blocks) }],
})}
<table id="criteria-table"><caption>Criteria failing (or not checkable) in block decisions</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col">Block decisions</th></tr></thead>
<tbody>${trends.criteria.length === 0 ? html`<tr><td colspan="2">None.</td></tr>` : trends.criteria.map((c) => html`<tr><th scope="row"><code>${c.criterion}</code></th><td>${c.blocks}</td></tr>`)}</tbody></table>
<h2 id="waivers-opened">Waivers opened</h2>
${barChart({
  id: 'waivers-chart',
  title: 'Waivers opened per week',
  summary: `${sum((w) => w.waiversOpened)} waivers opened over ${trends.weeks.length} weeks.`,
  labels,
  series: [{ label: 'Waivers opened', className: 'series-c', values: trends.weeks.map((w) => w.waiversOpened) }],
})}
<table><caption>Waivers opened per week</caption>
<thead><tr><th scope="col">Week</th><th scope="col">Waivers opened</th></tr></thead>
<tbody>${trends.weeks.map((w) => html`<tr><th scope="row">${w.week}</th><td>${w.waiversOpened}</td></tr>`)}</tbody></table>
<h2 id="projects">By project</h2>
<table id="projects-table"><caption>The whole period, per project</caption>
<thead><tr><th scope="col">Project</th><th scope="col">Tickets blocked</th><th scope="col">Blocks cleared</th><th scope="col">Median time from block to pass</th><th scope="col">Waivers opened</th></tr></thead>
<tbody>${trends.projects.length === 0 ? html`<tr><td colspan="5">None.</td></tr>` : trends.projects.map((p) => html`<tr><th scope="row">${p.project} <span class="muted">${p.tracker}</span></th><td>${p.blocked}</td><td>${p.cleared}</td><td>${hoursText(p.medianHoursToPass)}</td><td>${p.waiversOpened}</td></tr>`)}</tbody></table>`;
}
