import { describeEntry } from '../../../audit/describe-entry.js';
import type { AuditEntry } from '../../../audit/audit-entry.js';
import { readAuditEvent } from '../../../audit/read-audit-event.js';
import { describeProvenance } from '../../../domain/index.js';
import { lastDayBefore } from '../../../waivers/waiver.js';
import { html, type Html } from '../../render/html.js';
import { utcTime } from '../board/ticket-links.js';

const TRIGGERS = { transition: 'Move to Done checked', evidence: 'Re-checked after evidence arrived', waiver: 'Re-checked after a waiver', command: 'Ticket command' } as const;
const outcomeClass = (outcome: string) => (outcome === 'pass' ? 'ok' : outcome === 'skipped' ? 'muted' : outcome === 'error' ? 'warn' : 'bad');

/** A move's statuses; a re-check (after evidence or a waiver) has no move, only the status the ticket is in. */
function statusChange(from: string | null | undefined, to: string | null | undefined): Html | string {
  if (from) return html` · ${from} → ${to ?? '?'}`;
  return to ? html` · ticket in ${to}` : '';
}

/** What one audit entry about a ticket says, as a timeline item: its fields laid out, its time and who acted. */
function entryBody(entry: AuditEntry): Html {
  const read = readAuditEvent(entry);
  if (!read.ok) return html`<p>${describeEntry(entry)}</p>`;
  const typed = read.entry;
  switch (typed.type) {
    case 'decision': {
      const d = typed.data;
      return html`<p><strong>${TRIGGERS[d.trigger]}</strong>: <span class="${outcomeClass(d.outcome)}">${d.outcome}</span>${d.rule ? html` · rule <code>${d.rule}</code> (${d.mode ?? ''})` : ''}${
        d.policy ? html` · policy v${d.policy.version} <code title="${d.policy.hash}">sha256 ${d.policy.hash.slice(0, 12)}…</code>` : ''
      }${statusChange(d.fromStatus, d.toStatus)}</p>
${d.reason ? html`<p class="muted">${d.reason}</p>` : ''}
${d.criteria.length > 0 ? html`<ul>${d.criteria.map((c) => html`<li><code>${c.criterion}</code>: <span class="${outcomeClass(c.status)}">${c.status}</span> — ${c.reason}</li>`)}</ul>` : ''}`;
    }
    case 'action': {
      const d = typed.data;
      return html`<p><strong>Action ${d.action}</strong>: ${d.detail}${d.ok ? '' : html` <span class="bad">(not done)</span>`}</p>`;
    }
    case 'evidence-accepted': {
      const d = typed.data;
      return html`<p><strong>Evidence for <code>${d.criterion}</code> accepted</strong>: <span class="${outcomeClass(d.outcome)}">${d.outcome}</span>${d.format ? html` · format ${d.format}` : ''} · <code title="${d.sha256}">sha256 ${d.sha256.slice(0, 12)}…</code></p>
<p>${d.summary}</p><p class="muted">${describeProvenance(d.provenance ?? undefined)}</p>`;
    }
    case 'evidence-refused': {
      const d = typed.data;
      return html`<p><strong>Evidence for <code>${d.criterion}</code> refused</strong>: ${d.reason} · <code>sha256 ${d.sha256.slice(0, 12)}…</code></p>`;
    }
    case 'waiver-created': {
      const d = typed.data;
      return html`<p><strong>Waiver of <code>${d.criterion}</code> created</strong>${d.advisories.length > 0 ? ` (${d.advisories.join(', ')})` : ''}, last day ${lastDayBefore(d.expiresAt)}, via ${d.approvedVia}: ${d.reason}</p>`;
    }
    case 'waiver-revoked':
      return html`<p><strong>Waiver of <code>${typed.data.criterion}</code> revoked</strong>: ${typed.data.reason}</p>`;
    case 'waiver-expired':
      return html`<p><strong>Waiver of <code>${typed.data.criterion}</code> expired</strong> (its last day was ${lastDayBefore(typed.data.expiresAt)})</p>`;
    default:
      return html`<p>${describeEntry(entry)}</p>`;
  }
}

export function renderTimelineEntry(entry: AuditEntry): Html {
  return html`<li data-type="${entry.type}">${entryBody(entry)}<p class="muted">${utcTime(new Date(entry.time))} · by ${entry.actor} · audit entry #${entry.seq}</p></li>`;
}
