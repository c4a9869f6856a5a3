import { Router } from 'express';
import { principalOf } from '../../auth/principal-of.js';
import { writeHtmlReportBody } from '../../audit/export-html.js';
import { InvalidPeriodError, parsePeriod, rangeOfPeriod, type AuditPeriod } from '../../audit/audit-period.js';
import { OutputClosedError } from '../../audit/write-chunk.js';
import { requireUiPrincipal } from '../auth/require-ui-principal.js';
import { html, trustedHtml } from '../render/html.js';
import { renderPage } from '../render/page.js';
import type { UiDeps } from '../ui-deps.js';

const DAY_MS = 86_400_000;
/** Where the streamed report goes inside the layout: the page is written before and after it. */
const REPORT_SLOT = '<!-- report -->';
const queryText = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 40) : '');

/**
 * `GET /ui/audit?from=YYYY-MM-DD&to=YYYY-MM-DD` (audit:read, every project): the audit report of the
 * period (both days included; by default the last 30 days), as `GET /api/v1/audit/export?format=html`
 * gives it, inside the web app, with people's names from the trackers beside their account ids.
 */
export function createAuditPage(deps: UiDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  router.get('/audit', requireUiPrincipal(deps, 'audit:read'), async (req, res) => {
    const principal = principalOf(res);
    const csrfToken = typeof res.locals.csrfToken === 'string' ? res.locals.csrfToken : undefined;
    const page = (status: number, body: ReturnType<typeof html>) =>
      res.status(status).type('html').send(renderPage({ title: 'Audit report', principal, ...(csrfToken ? { csrfToken } : {}), current: '/ui/audit', body }));
    if (principal.projects.length > 0) {
      page(403, html`<p class="notice error" role="alert">The report spans every project, and you may see only ${principal.projects.join(', ')}. Ask an admin for access to every project.</p>`);
      return;
    }
    const at = now();
    const from = queryText(req.query.from) || new Date(at.getTime() - 29 * DAY_MS).toISOString().slice(0, 10);
    const to = queryText(req.query.to) || at.toISOString().slice(0, 10);
    const form = html`<form method="get" action="/ui/audit" class="filters">
<label>From <input type="date" name="from" value="${from}" required></label>
<label>To (included) <input type="date" name="to" value="${to}" required></label>
<button type="submit">Show report</button>
</form>
<p class="muted">The same report as <code>GET /api/v1/audit/export?format=html</code>. To prove nothing was changed, verify the JSONL export of the period: <code>donegate audit export --from ${from} --to ${to} --format jsonl</code>, then <code>donegate audit verify --file</code>.</p>`;
    let period: AuditPeriod;
    try {
      period = parsePeriod(from, to);
    } catch (error) {
      if (!(error instanceof InvalidPeriodError)) throw error;
      page(400, html`${form}<p class="notice error" role="alert">${error.message}</p>`);
      return;
    }
    const [before, after] = renderPage({ title: 'Audit report', principal, ...(csrfToken ? { csrfToken } : {}), current: '/ui/audit', body: html`${form}<article class="report">${trustedHtml(REPORT_SLOT)}</article>` }).split(REPORT_SLOT) as [string, string];
    const range = await rangeOfPeriod(deps.db, period);
    res.status(200).type('html');
    res.write(before);
    try {
      await writeHtmlReportBody(deps.db, res, period, range, at, deps.actorNames ? { names: deps.actorNames } : {});
      res.end(after);
    } catch (error) {
      if (error instanceof OutputClosedError) return;
      deps.log.error({ err: { name: (error as Error)?.name, message: (error as Error)?.message }, path: req.path }, 'audit page failed');
      res.destroy();
    }
  });
  return router;
}
