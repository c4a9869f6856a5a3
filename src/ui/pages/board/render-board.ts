import type { BoardPage, BoardSort } from '../../../decisions/list-board-tickets.js';
import { html, type Html } from '../../render/html.js';
import { boardState } from './board-state.js';
import { BOARD_PAGE_SIZE, boardSearch, type BoardParams } from './board-query.js';
import { ticketPagePath, trackerLink, utcTime } from './ticket-links.js';

const COLUMNS: ReadonlyArray<{ sort?: BoardSort; label: string }> = [
  { sort: 'key', label: 'Ticket' },
  { sort: 'summary', label: 'Summary' },
  { sort: 'assignee', label: 'Assignee' },
  { sort: 'project', label: 'Project' },
  { sort: 'tracker', label: 'Tracker' },
  { sort: 'status', label: 'State' },
  { label: 'Missing' },
  { sort: 'since', label: 'Failing since' },
  { sort: 'times', label: 'Times blocked' },
];

const AGES = ['', '1d', '3d', '7d', '14d', '30d', '90d'] as const;

export interface BoardView {
  params: BoardParams;
  page: BoardPage;
  trackers: readonly string[];
  criteria: readonly string[];
}

/** The filter form: GET, so the view it makes is a URL to share. */
function renderFilters({ params, trackers, criteria }: BoardView): Html {
  const option = (value: string, label: string, selected: string | undefined) =>
    html`<option value="${value}"${value === (selected ?? '') ? html` selected` : ''}>${label}</option>`;
  return html`<form class="filters" method="get" action="/ui/board" role="search" aria-label="Filter the board">
<label>Tracker<select name="tracker">${option('', 'Any', params.tracker)}${trackers.map((t) => option(t, t, params.tracker))}</select></label>
<label>Project or team<input name="project" value="${params.project ?? ''}" maxlength="100" size="10"></label>
<label>Missing criterion<select name="criterion">${option('', 'Any', params.criterion)}${criteria.map((c) => option(c, c, params.criterion))}</select></label>
<label>Failing for more than<select name="olderThan">${AGES.map((age) => option(age, age === '' ? 'Any time' : age.replace('d', ' days').replace(/^1 days$/, '1 day'), params.olderThan))}</select></label>
<label>Assignee<input name="assignee" value="${params.assignee ?? ''}" maxlength="100" size="14"></label>
<input type="hidden" name="sort" value="${params.sort}"><input type="hidden" name="dir" value="${params.dir}">
<button type="submit">Apply</button> <a href="/ui/board">Clear</a>
</form>`;
}

function renderHeader(params: BoardParams, column: (typeof COLUMNS)[number]): Html {
  if (column.sort === undefined) return html`<th scope="col">${column.label}</th>`;
  const sorted = params.sort === column.sort;
  const next = sorted && params.dir === 'asc' ? 'desc' : 'asc';
  const aria = sorted ? html` aria-sort="${params.dir === 'asc' ? 'ascending' : 'descending'}"` : '';
  const label = sorted ? html`${column.label} <span aria-hidden="true">${params.dir === 'asc' ? '▲' : '▼'}</span>` : column.label;
  return html`<th scope="col"${aria}><a href="/ui/board${boardSearch(params, { sort: column.sort, dir: next, page: 1 })}">${label}<span class="visually-hidden">, sort ${next === 'asc' ? 'ascending' : 'descending'}</span></a></th>`;
}

function renderRows(view: BoardView): Html {
  if (view.page.tickets.length === 0) return html`<tr><td colspan="${COLUMNS.length}">No ticket in this view: every gated ticket here passed its latest check.</td></tr>`;
  return html`${view.page.tickets.map(
    (ticket) => html`<tr>
<th scope="row">${trackerLink(ticket.ticketKey, ticket.ticket?.url)}<br><a class="muted" href="${ticketPagePath(ticket.tracker, ticket.ticketKey)}">history<span class="visually-hidden"> of ${ticket.ticketKey}</span></a></th>
<td>${ticket.ticket?.summary ?? html`<span class="muted">not recorded</span>`}</td>
<td>${ticket.ticket?.assignee ?? html`<span class="muted">unassigned</span>`}</td>
<td>${ticket.project}</td>
<td>${ticket.tracker}</td>
<td class="${ticket.outcome === 'error' ? 'warn' : 'bad'}">${boardState(ticket)}</td>
<td>${
      ticket.unmet.length > 0
        ? html`<ul class="missing">${ticket.unmet.map((u) => html`<li><code>${u.criterion}</code>${u.status === 'error' ? ' (could not check)' : ''}: ${u.reason}</li>`)}</ul>`
        : (ticket.reason ?? '')
    }</td>
<td>${utcTime(ticket.since)}</td>
<td>${ticket.times}</td>
</tr>`,
  )}`;
}

function renderPager({ params, page }: BoardView): Html {
  const pages = Math.max(1, Math.ceil(page.total / BOARD_PAGE_SIZE));
  if (pages === 1) return html``;
  const link = (to: number, label: string) => html`<a href="/ui/board${boardSearch(params, { page: to })}">${label}</a>`;
  return html`<nav class="pager" aria-label="Pages">${params.page > 1 ? link(params.page - 1, '← Previous') : ''} <span>Page ${params.page} of ${pages}</span> ${
    params.page < pages ? link(params.page + 1, 'Next →') : ''
  }</nav>`;
}

/** The board: filters, a sortable table with a caption that says what is shown, paging, the CSV of the same view. */
export function renderBoard(view: BoardView): Html {
  const { params, page } = view;
  const first = page.tickets.length === 0 ? 0 : (params.page - 1) * BOARD_PAGE_SIZE + 1;
  const last = first === 0 ? 0 : first + page.tickets.length - 1;
  const sortLabel = COLUMNS.find((c) => c.sort === params.sort)?.label ?? params.sort;
  return html`${renderFilters(view)}
<p><a class="button secondary" href="/ui/board.csv${boardSearch(params, { page: undefined })}">Download CSV</a> <span class="muted">every row of this view, all pages</span></p>
<table class="board">
<caption>${page.total} ticket${page.total === 1 ? '' : 's'} whose latest check did not pass${page.total > 0 ? html`, showing ${first}–${last}` : ''}; sorted by ${sortLabel.toLowerCase()}, ${params.dir === 'asc' ? 'ascending' : 'descending'}.</caption>
<thead><tr>${COLUMNS.map((column) => renderHeader(params, column))}</tr></thead>
<tbody>
${renderRows(view)}
</tbody>
</table>
${renderPager(view)}`;
}
