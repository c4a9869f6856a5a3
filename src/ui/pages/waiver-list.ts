import type { Waiver } from '../../waivers/waiver.js';
import { hasExpired, isActive, lastDayOf } from '../../waivers/waiver.js';
import { html, type Html } from '../render/html.js';

const DAY_MS = 86_400_000;

/** The waivers page's four lists: running out soon, running, withdrawn, and ended. */
export interface WaiverGroups {
  expiring: Waiver[];
  open: Waiver[];
  revoked: Waiver[];
  expired: Waiver[];
}

/** Sorts waivers into the page's lists; `withinDays` is how near an end date counts as expiring. */
export function groupWaivers(waivers: readonly Waiver[], now: Date, withinDays: number): WaiverGroups {
  const groups: WaiverGroups = { expiring: [], open: [], revoked: [], expired: [] };
  const soon = now.getTime() + withinDays * DAY_MS;
  for (const waiver of waivers) {
    if (isActive(waiver, now)) (waiver.expiresAt.getTime() <= soon ? groups.expiring : groups.open).push(waiver);
    else if (waiver.revoked && !hasExpired(waiver, waiver.revoked.at)) groups.revoked.push(waiver);
    else groups.expired.push(waiver);
  }
  groups.expiring.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
  return groups;
}

/** One list of waivers as a table; `action` adds a last column (the revoke form) for those who may. */
export function waiverTable(caption: string, waivers: readonly Waiver[], action?: (waiver: Waiver) => Html): Html {
  if (waivers.length === 0) return html`<p class="muted">None.</p>`;
  return html`<table>
<caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">Ticket</th><th scope="col">Criterion</th><th scope="col">Advisories</th><th scope="col">Reason</th><th scope="col">Approved by</th><th scope="col">Last day (UTC)</th>${waivers.some((w) => w.revoked) ? html`<th scope="col">Revoked</th>` : ''}${action ? html`<th scope="col">Revoke</th>` : ''}</tr></thead>
<tbody>
${waivers.map(
  (w) => html`<tr>
<td><a href="/ui/tickets/${encodeURIComponent(w.tracker)}/${encodeURIComponent(w.ticketKey)}">${w.ticketKey}</a> <span class="muted">${w.tracker}</span></td>
<td><code>${w.criterion}</code></td>
<td>${w.advisories.length > 0 ? w.advisories.join(', ') : html`<span class="muted">all</span>`}</td>
<td>${w.reason}</td>
<td>${w.approver} <span class="muted">(${w.approvedVia})</span></td>
<td><time datetime="${lastDayOf(w)}">${lastDayOf(w)}</time></td>
${waivers.some((x) => x.revoked) ? html`<td>${w.revoked ? html`${w.revoked.by}, ${w.revoked.at.toISOString().slice(0, 10)}: ${w.revoked.reason}` : ''}</td>` : ''}
${action ? html`<td>${action(w)}</td>` : ''}
</tr>`,
)}
</tbody>
</table>`;
}
