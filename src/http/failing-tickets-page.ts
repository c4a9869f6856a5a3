import { escapeHtml } from '../audit/escape-html.js';
import type { FailingTicket } from '../decisions/list-failing-tickets.js';


const stateOf = (ticket: FailingTicket): string =>
  ticket.outcome === 'error' ? 'could not be checked' : ticket.mode === 'warn' ? 'warned (not moved back)' : 'blocked';

/**
 * The failing tickets as one self-contained page a PM can open or print: no scripts, no external assets,
 * every value escaped. Ticket keys and criterion ids only; reasons never carry report contents.
 */
export function renderFailingTicketsPage(tickets: readonly FailingTicket[], generatedAt: Date): string {
  const rows = tickets
    .map(
      (ticket) => `<tr>
  <td>${escapeHtml(ticket.tracker)}</td>
  <td><strong>${escapeHtml(ticket.ticketKey)}</strong></td>
  <td>${escapeHtml(stateOf(ticket))}${ticket.status ? ` — back in ${escapeHtml(ticket.status)}` : ''}</td>
  <td>${ticket.unmet.map((u) => `<code>${escapeHtml(u.criterion)}</code>${u.status === 'error' ? ' (could not check)' : ''}`).join(', ') || escapeHtml(ticket.reason ?? '')}</td>
  <td>${escapeHtml(ticket.rule ?? '')}</td>
  <td><time datetime="${ticket.failingSince.toISOString()}">${escapeHtml(ticket.failingSince.toISOString().slice(0, 16).replace('T', ' '))} UTC</time></td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>donegate — tickets not meeting the security Definition of Done</title>
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1b1f24; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
  th { background: #f6f8fa; }
  code { background: #f6f8fa; padding: 0 .2rem; }
  @media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>Tickets not meeting the security Definition of Done</h1>
<p>${tickets.length} ticket(s) whose latest check did not pass, as of ${escapeHtml(generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC.
Each ticket's donegate comment says how to supply what is missing.</p>
<table>
<thead><tr><th>Tracker</th><th>Ticket</th><th>State</th><th>Not met</th><th>Policy rule</th><th>Failing since</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="6">None: every gated ticket passed its latest check.</td></tr>'}
</tbody>
</table>
</body>
</html>
`;
}
