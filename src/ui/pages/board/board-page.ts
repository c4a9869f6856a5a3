import { Router, type Request, type Response } from 'express';
import { principalOf } from '../../../auth/principal-of.js';
import { listBoardTickets } from '../../../decisions/list-board-tickets.js';
import { TRACKER_NAMES } from '../../../trackers/registry.js';
import { html } from '../../render/html.js';
import { renderPage } from '../../render/page.js';
import { requireUiPrincipal } from '../../auth/require-ui-principal.js';
import type { UiDeps } from '../../ui-deps.js';
import { boardCsv } from './board-csv.js';
import { boardFilterOf, boardParamsSchema, boardQueryOf, type BoardParams } from './board-query.js';
import { renderBoard } from './render-board.js';

/** The board's parameters, or a 400 page saying which one is wrong. */
function readParams(req: Request, res: Response): BoardParams | undefined {
  const parsed = boardParamsSchema.safeParse(req.query);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => issue.message);
  res.status(400).type('html').send(
    renderPage({
      title: 'Board',
      principal: principalOf(res),
      csrfToken: res.locals.csrfToken as string | undefined,
      current: '/ui/board',
      body: html`<div class="notice error" role="alert"><p>This view cannot be shown:</p><ul>${problems.map((p) => html`<li>${p}</li>`)}</ul><p><a href="/ui/board">Open the whole board</a></p></div>`,
    }),
  );
  return undefined;
}

/**
 * `GET /ui/board`: every ticket whose latest check did not pass, within the reader's projects, filtered,
 * sorted and paged by GET parameters; `GET /ui/board.csv` with the same parameters: every row of that view.
 */
export function createBoardPage(deps: UiDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const guard = requireUiPrincipal(deps, 'decisions:read');
  router.get('/board', guard, async (req, res) => {
    const params = readParams(req, res);
    if (!params) return;
    const filter = boardFilterOf(params, principalOf(res).projects, now());
    const page = await listBoardTickets(deps.db, boardQueryOf(params, filter));
    const body = renderBoard({ params, page, trackers: TRACKER_NAMES, criteria: [...deps.registry.keys()].sort() });
    res.type('html').send(renderPage({ title: 'Board', principal: principalOf(res), csrfToken: res.locals.csrfToken as string | undefined, current: '/ui/board', body }));
  });
  router.get('/board.csv', guard, async (req, res) => {
    const params = readParams(req, res);
    if (!params) return;
    const filter = boardFilterOf(params, principalOf(res).projects, now());
    const { tickets } = await listBoardTickets(deps.db, boardQueryOf(params, filter, true));
    res.setHeader('Content-Disposition', `attachment; filename="donegate-board-${now().toISOString().slice(0, 10)}.csv"`);
    res.type('text/csv; charset=utf-8').send(boardCsv(tickets));
  });
  return router;
}
