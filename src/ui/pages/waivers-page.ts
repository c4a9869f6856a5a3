import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Principal } from '../../auth/api-token.js';
import { principalOf } from '../../auth/principal-of.js';
import { projectInScope } from '../../auth/project-key.js';
import { roleHasPermission } from '../../auth/roles.js';
import { createWaiver, projectOfWaiver, revokeWaiver, type WaiverChange } from '../../http/waiver-changes.js';
import { waiverRequestSchema } from '../../waivers/waiver-request.js';
import { requireCsrf } from '../auth/require-csrf.js';
import { requireUiPrincipal } from '../auth/require-ui-principal.js';
import { html } from '../render/html.js';
import { renderPage } from '../render/page.js';
import type { UiDeps } from '../ui-deps.js';
import { createWaiverForm, EMPTY_WAIVER_FORM, revokeForm, type WaiverFormValues } from './waiver-forms.js';
import { groupWaivers, waiverTable } from './waiver-list.js';

const DAY_MS = 86_400_000;
/** Ended waivers shown at most; older ones stay in the API and the audit export. */
const ENDED_SHOWN = 200;

const listQuerySchema = z.object({ within: z.coerce.number().int().min(1).max(365).catch(14) });
const formField = (body: unknown, name: string): string => {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};
const ADVISORY_SEPARATORS = /[\s,]+/;

/** What the page says after a change: only our own words, chosen by a fixed key. */
const DONE_NOTICES: Record<string, string> = { created: 'Waiver created; the ticket is being checked again.', revoked: 'Waiver revoked; the ticket is being checked again.' };

/**
 * `GET /ui/waivers?within=14` (waivers:read): the waivers of the signed-in person's projects, those
 * ending within `within` days first. Approvers and admins (waivers:write) also get a form to create one
 * (`POST /ui/waivers`) and a revoke button per running waiver (`POST /ui/waivers/:id/revoke`); both
 * go through the same steps as the API, so the audit log cannot tell them apart except by the approver.
 */
export function createWaiversPage(deps: UiDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  async function render(req: Request, res: Response, status: number, form?: { values: WaiverFormValues; error: string }, listError?: string): Promise<void> {
    const principal = principalOf(res);
    const at = now();
    const { within } = listQuerySchema.parse(req.query);
    const visible = (await deps.waivers.list({ now: at })).filter((w) => projectInScope(principal.projects, projectOfWaiver(w), w.tracker));
    const groups = groupWaivers(visible, at, within);
    const csrfToken = typeof res.locals.csrfToken === 'string' ? res.locals.csrfToken : '';
    const canWrite = roleHasPermission(principal.role, 'waivers:write');
    const revoke = canWrite ? (w: Parameters<typeof revokeForm>[1]) => revokeForm(csrfToken, w) : undefined;
    const maxDays = deps.policy().waivers.maxDays;
    const done = typeof req.query.done === 'string' ? DONE_NOTICES[req.query.done] : undefined;
    const body = html`${done === undefined ? '' : html`<p class="notice" role="status">${done}</p>`}
${listError === undefined ? '' : html`<p class="notice error" role="alert">${listError}</p>`}
<form method="get" action="/ui/waivers" class="filters">
<label>Expiring within (days) <input type="number" name="within" min="1" max="365" value="${within}"></label>
<button type="submit" class="secondary">Show</button>
</form>
<h2 id="expiring">Expiring within ${within} days (${groups.expiring.length})</h2>
${waiverTable(`Waivers ending within ${within} days`, groups.expiring, revoke)}
<h2 id="open">Open (${groups.open.length})</h2>
${waiverTable('Other running waivers', groups.open, revoke)}
<h2 id="revoked">Revoked (${groups.revoked.length})</h2>
${waiverTable('Waivers withdrawn before their end', groups.revoked.slice(0, ENDED_SHOWN))}
<h2 id="expired">Expired (${groups.expired.length})</h2>
${waiverTable('Waivers past their last day', groups.expired.slice(0, ENDED_SHOWN))}
${groups.expired.length > ENDED_SHOWN || groups.revoked.length > ENDED_SHOWN ? html`<p class="muted">Only the newest ${ENDED_SHOWN} are shown; GET /api/v1/waivers and the audit export list all.</p>` : ''}
${
  canWrite
    ? createWaiverForm({
        csrfToken,
        registry: deps.registry,
        values: form?.values ?? EMPTY_WAIVER_FORM,
        latestDay: new Date(at.getTime() + maxDays * DAY_MS).toISOString().slice(0, 10),
        tomorrow: new Date(at.getTime() + DAY_MS).toISOString().slice(0, 10),
        ...(form ? { error: form.error } : {}),
      })
    : ''
}`;
    res.status(status).type('html').send(renderPage({ title: 'Waivers', principal, ...(csrfToken === '' ? {} : { csrfToken }), current: '/ui/waivers', body }));
  }

  const answerChange = async (req: Request, res: Response, change: WaiverChange, done: string, form?: WaiverFormValues): Promise<void> => {
    if ('refused' in change) {
      const status = change.refused.status === 403 || change.refused.status === 404 || change.refused.status === 409 ? change.refused.status : 400;
      await render(req, res, status, form ? { values: form, error: change.refused.message } : undefined, form ? undefined : change.refused.message);
      return;
    }
    res.redirect(303, `/ui/waivers?done=${done}`);
  };

  router.get('/waivers', requireUiPrincipal(deps, 'waivers:read'), async (req, res) => {
    await render(req, res, 200);
  });

  router.post('/waivers', requireUiPrincipal(deps, 'waivers:write'), ...requireCsrf(), async (req, res) => {
    const values: WaiverFormValues = {
      tracker: formField(req.body, 'tracker'),
      ticket: formField(req.body, 'ticket').trim(),
      criterion: formField(req.body, 'criterion'),
      advisories: formField(req.body, 'advisories'),
      reason: formField(req.body, 'reason'),
      expires: formField(req.body, 'expires').trim(),
    };
    const parsed = waiverRequestSchema.safeParse({ ...values, advisories: values.advisories.split(ADVISORY_SEPARATORS).filter((a) => a !== '') });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'form'}: ${issue.message}`).join('; ');
      await render(req, res, 400, { values, error: problems });
      return;
    }
    const principal: Principal = principalOf(res);
    await answerChange(req, res, await createWaiver(deps, principal, parsed.data, now()), 'created', values);
  });

  router.post('/waivers/:id/revoke', requireUiPrincipal(deps, 'waivers:write'), ...requireCsrf(), async (req, res) => {
    const reason = formField(req.body, 'reason').trim().slice(0, 2000);
    if (reason === '') {
      await render(req, res, 400, undefined, 'say why the waiver is withdrawn: the reason is kept in the audit log');
      return;
    }
    await answerChange(req, res, await revokeWaiver(deps, principalOf(res), String(req.params.id), reason, now()), 'revoked');
  });
  return router;
}
