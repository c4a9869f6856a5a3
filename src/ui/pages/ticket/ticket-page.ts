import { Router } from 'express';
import { principalOf } from '../../../auth/principal-of.js';
import { projectInScope } from '../../../auth/project-key.js';
import { readTicketHistory } from '../../../audit/read-ticket-history.js';
import { readTrackerParam } from '../../../http/tracker-param.js';
import { html } from '../../render/html.js';
import { renderPage } from '../../render/page.js';
import { requireUiPrincipal } from '../../auth/require-ui-principal.js';
import type { UiDeps } from '../../ui-deps.js';
import { trackerLink } from '../board/ticket-links.js';
import { renderTimelineEntry } from './render-timeline-entry.js';

/**
 * `GET /ui/tickets/:tracker/:key`: one ticket's history, newest first, from the audit log: each check and its
 * criteria, evidence accepted or refused, waivers, and what donegate did to the ticket. A ticket outside the
 * reader's projects is answered as unknown, so the page does not tell which keys exist.
 */
export function createTicketPage(deps: UiDeps): Router {
  const router = Router();
  router.get('/tickets/:tracker/:key', requireUiPrincipal(deps, 'decisions:read'), async (req, res) => {
    const principal = principalOf(res);
    const csrfToken = res.locals.csrfToken as string | undefined;
    const named = readTrackerParam(String(req.params.tracker), String(req.params.key));
    if (!named.ok || !projectInScope(principal.projects, named.plugin.projectOfKey(named.key), named.plugin.name)) {
      const body = html`<div class="notice error" role="alert"><p>${named.ok ? 'No ticket of yours has this key.' : named.message}</p><p><a href="/ui/board">Back to the board</a></p></div>`;
      res.status(404).type('html').send(renderPage({ title: 'Ticket not found', principal, csrfToken, current: '/ui/board', body }));
      return;
    }
    const { plugin, key } = named;
    const [entries, decisions] = await Promise.all([readTicketHistory(deps.db, plugin.name, key), deps.decisions.forTicket(plugin.name, key)]);
    const snapshot = decisions.findLast((decision) => decision.ticket !== undefined)?.ticket;
    const body = html`<p>${plugin.label} ticket ${trackerLink(key, snapshot?.url)}${snapshot ? html` · ${snapshot.summary}` : ''}${
      snapshot?.assignee ? html` · assigned to ${snapshot.assignee}` : ''
    }${snapshot ? html` · project ${snapshot.project}` : ''}</p>
<h2 id="timeline-heading">Timeline, newest first</h2>
${
  entries.length === 0
    ? html`<p>donegate has no record of this ticket.</p>`
    : html`<ol class="timeline" aria-labelledby="timeline-heading">${[...entries].reverse().map(renderTimelineEntry)}</ol>`
}`;
    res.type('html').send(renderPage({ title: `${key}`, principal, csrfToken, current: '/ui/board', body }));
  });
  return router;
}
