import type { CriterionRegistry } from '../../criteria/registry.js';
import { TRACKER_PLUGINS } from '../../trackers/registry.js';
import type { Waiver } from '../../waivers/waiver.js';
import { html, type Html } from '../render/html.js';

/** The create form's fields as typed, so a refused form comes back with what was entered. */
export interface WaiverFormValues {
  tracker: string;
  ticket: string;
  criterion: string;
  advisories: string;
  reason: string;
  expires: string;
}

export const EMPTY_WAIVER_FORM: WaiverFormValues = { tracker: '', ticket: '', criterion: '', advisories: '', reason: '', expires: '' };

const selected = (on: boolean) => (on ? html` selected` : '');

/** The form to accept a risk on a ticket; the date picker stops at the policy's last allowed day. */
export function createWaiverForm(options: { csrfToken: string; registry: CriterionRegistry; values: WaiverFormValues; latestDay: string; tomorrow: string; error?: string }): Html {
  const { values } = options;
  return html`<section aria-labelledby="new-waiver">
<h2 id="new-waiver">Accept a risk</h2>
${options.error === undefined ? '' : html`<p class="notice error" role="alert" id="waiver-error">${options.error}</p>`}
<form method="post" action="/ui/waivers" class="filters">
<input type="hidden" name="_csrf" value="${options.csrfToken}">
<label>Tracker <select name="tracker" required>${TRACKER_PLUGINS.map((p) => html`<option value="${p.name}"${selected(values.tracker === p.name)}>${p.label}</option>`)}</select></label>
<label>Ticket <input name="ticket" required maxlength="200" value="${values.ticket}" placeholder="ML-42"></label>
<label>Criterion <select name="criterion" required>${[...options.registry.keys()].map((key) => html`<option value="${key}"${selected(values.criterion === key)}>${key}</option>`)}</select></label>
<label>Advisories (optional, comma-separated) <input name="advisories" maxlength="4000" value="${values.advisories}" placeholder="GHSA-…, CVE-…"></label>
<label>Reason <textarea name="reason" required maxlength="2000" rows="2">${values.reason}</textarea></label>
<label>Last day <input type="date" name="expires" required min="${options.tomorrow}" max="${options.latestDay}" value="${values.expires}"></label>
<button type="submit">Create waiver</button>
</form>
<p class="muted">The waiver counts through the last day (UTC), at most until ${options.latestDay} under the policy. It is recorded in the audit log with you as the approver, and the ticket is checked again.</p>
</section>`;
}

/** A revoke button with the reason it asks for, one per running waiver. */
export function revokeForm(csrfToken: string, waiver: Waiver): Html {
  return html`<form method="post" action="/ui/waivers/${encodeURIComponent(waiver.id)}/revoke" class="filters">
<input type="hidden" name="_csrf" value="${csrfToken}">
<label>Reason <input name="reason" required maxlength="2000" aria-label="Why revoke the waiver of ${waiver.criterion} on ${waiver.ticketKey}"></label>
<button type="submit" class="secondary">Revoke</button>
</form>`;
}
