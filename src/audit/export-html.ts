import type { Writable } from 'node:stream';
import type { Database } from '../store/database.js';
import type { AuditEntry } from './audit-entry.js';
import type { AuditPeriod, PeriodRange } from './audit-period.js';
import { computeAuditTotals, type AuditTotals } from './audit-totals.js';
import { describeEntry } from './describe-entry.js';
import { escapeHtml as h } from './escape-html.js';
import type { ExportSummary } from './export-jsonl.js';
import { readOtherEntries, readTicketTrails } from './read-ticket-trails.js';
import { writeChunk } from './write-chunk.js';
import { lastDayBefore } from '../waivers/waiver.js';

const STYLE = `
  body { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1f24; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 2px solid #1b1f24; } h3 { margin: 1.2rem 0 .3rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
  th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
  th { background: #f6f8fa; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
  code, .hash { font-family: ui-monospace, monospace; font-size: .92em; overflow-wrap: anywhere; }
  .totals { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
  .total { border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem 1rem; min-width: 9rem; }
  .total strong { display: block; font-size: 1.8rem; }
  .note { color: #57606a; }
  section.ticket { break-inside: avoid-page; }
  table.trail { table-layout: fixed; } table.trail th:nth-child(1) { width: 4rem; } table.trail th:nth-child(2) { width: 10rem; } table.trail th:nth-child(3) { width: 14rem; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } a { color: inherit; text-decoration: none; } }
`;

const isMidnight = (date: Date) => date.getTime() % 86_400_000 === 0;
const minute = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');

/** "2026-10-01 to 2026-12-31 (UTC, both days included)"; instants that are not midnight are shown to the minute. */
function describePeriod(period: AuditPeriod, now: Date): string {
  const from = period.from ? (isMidnight(period.from) ? period.from.toISOString().slice(0, 10) : minute(period.from)) : 'the first entry';
  const to = period.to ? (isMidnight(period.to) ? new Date(period.to.getTime() - 1).toISOString().slice(0, 10) : minute(period.to)) : minute(now);
  return `${from} to ${to} (UTC${period.to && isMidnight(period.to) ? ', last day included' : ''})`;
}

/**
 * Display names for the actors of a batch of entries (`jira:u-priya` → "Priya Patel"), looked up by the
 * caller (the trackers, cached); actors it has no name for are left out and shown by id alone.
 */
export type ActorNames = (actors: readonly string[]) => Promise<ReadonlyMap<string, string>>;

export interface HtmlReportOptions {
  names?: ActorNames;
}

const NO_NAMES: ActorNames = async () => new Map();

/**
 * The period as one self-contained page an auditor can read and print: no scripts, no external assets,
 * every value escaped. Figures come from SQL; the trails stream ticket by ticket.
 */
export async function writeHtmlExport(db: Database, out: Writable, period: AuditPeriod, range: PeriodRange | undefined, now: Date, options: HtmlReportOptions = {}): Promise<ExportSummary> {
  await writeChunk(out, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>donegate audit report — ${h(describePeriod(period, now))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Information security in project management — evidence report</h1>
`);
  const summary = await writeHtmlReportBody(db, out, period, range, now, options);
  await writeChunk(out, '</body>\n</html>\n');
  return summary;
}

/**
 * The report's content below its title, for the export above and for the audit page, which wraps it in the
 * web app's own layout. Headings are h2 and below, each section with an id the table of contents links to.
 */
export async function writeHtmlReportBody(db: Database, out: Writable, period: AuditPeriod, range: PeriodRange | undefined, now: Date, options: HtmlReportOptions = {}): Promise<ExportSummary> {
  const names = options.names ?? NO_NAMES;
  const periodText = describePeriod(period, now);
  const end = period.to && period.to < now ? period.to : now;
  const totals: AuditTotals = range ? await computeAuditTotals(db, range, end) : { byProject: [], byCriterion: [], policies: [], openWaivers: [], unreadableWaivers: [] };
  const headHash = range ? ((await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [range.lastSeq]))[0]?.hash ?? null) : null;
  const count = range ? range.lastSeq - range.firstSeq + 1 : 0;
  const approverNames = await names(totals.openWaivers.map((w) => w.actor));

  await writeChunk(out, `<p class="note">ISO/IEC 27001:2022 Annex A 5.8 · generated by donegate on ${h(now.toISOString())} · period ${h(periodText)}</p>
<p>Annex A 5.8 asks that information security be integrated into project management. Here it is integrated into
the definition of done: every time someone moved a ticket to Done in a gated project, donegate checked the security
criteria the policy requires for it (data scanned for personal data, dependencies audited, secrets scanned, artifacts
encrypted …) against the evidence supplied, and moved the ticket back with a comment when evidence was missing. Risks
accepted instead are waivers, each with an approver, a reason and an end date. This report lists, for the period,
the policy in force, the figures, the open waivers and each ticket's full trail, taken from donegate's append-only,
hash-chained audit log.</p>
<nav aria-labelledby="contents"><h2 id="contents">Contents</h2>
<ol><li><a href="#chain">Audit log</a></li><li><a href="#policy">Policy in force</a></li><li><a href="#totals">Totals</a></li><li><a href="#waivers">Open waivers</a></li><li><a href="#trails">Ticket trails</a></li><li><a href="#access">Access to donegate's API</a> (when there was any)</li></ol></nav>
${chainSection(range, count, headHash)}
${policySection(totals)}
${totalsSection(totals)}
${waiverSection(totals, end, approverNames)}
<h2 id="trails">Ticket trails</h2>
<p class="note">Every entry for each ticket in the period, in order: checks, what they found, what donegate did, evidence and waivers.
Accounts appear as tracker account ids and API token names${options.names ? ', after the person\'s name where the tracker gives one' : ''}.</p>
`);
  if (range) {
    let current: string | undefined;
    for await (const batch of readTicketTrails(db, { fromSeq: range.firstSeq, toSeq: range.lastSeq })) {
      const batchNames = await names(batch.map((entry) => entry.actor));
      let html = '';
      for (const entry of batch) {
        const key = `${entry.tracker}/${entry.ticket}`;
        if (key !== current) {
          if (current !== undefined) html += '</tbody></table></section>\n';
          html += `<section class="ticket"><h3>${h(entry.tracker ?? '')} ${h(entry.ticket ?? '')}</h3>\n<table class="trail"><thead><tr><th>#</th><th>Time (UTC)</th><th>By</th><th>What happened</th></tr></thead><tbody>\n`;
          current = key;
        }
        html += entryRow(entry, batchNames);
      }
      await writeChunk(out, html);
    }
    await writeChunk(out, current === undefined ? '<p>No ticket activity in this period.</p>\n' : '</tbody></table></section>\n');
    let opened = false;
    for await (const batch of readOtherEntries(db, { fromSeq: range.firstSeq, toSeq: range.lastSeq })) {
      const batchNames = await names(batch.map((entry) => entry.actor));
      let html = opened ? '' : '<h2 id="access">Access to donegate\'s API</h2>\n<table class="trail"><thead><tr><th>#</th><th>Time (UTC)</th><th>By</th><th>What happened</th></tr></thead><tbody>\n';
      opened = true;
      for (const entry of batch) html += entryRow(entry, batchNames);
      await writeChunk(out, html);
    }
    if (opened) await writeChunk(out, '</tbody></table>\n');
  }
  return { count, headHash };
}

/** "Priya Patel (jira:u-priya)": the name for the reader, the id beside it for matching the JSONL export. */
function actorCell(actor: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(actor);
  return name === undefined ? `<code>${h(actor)}</code>` : `${h(name)} (<code>${h(actor)}</code>)`;
}

function entryRow(entry: AuditEntry, names: ReadonlyMap<string, string>): string {
  return `<tr><td class="n">${entry.seq}</td><td>${h(entry.time.replace('T', ' ').slice(0, 19))}</td><td>${actorCell(entry.actor, names)}</td><td>${h(describeEntry(entry))}</td></tr>\n`;
}

function chainSection(range: PeriodRange | undefined, count: number, headHash: string | null): string {
  if (!range) return '<h2 id="chain">Audit log</h2>\n<p>No entries in this period.</p>';
  return `<h2 id="chain">Audit log</h2>
<p>Entries ${range.firstSeq} to ${range.lastSeq} (<span id="entry-count">${count}</span> entries). Each entry carries the sha256 of the one
before it; the first one here follows <span class="hash">${h(range.prevHash)}</span>, and the last one's hash (the head) is
<span class="hash" id="head-hash">${h(headHash ?? '')}</span>. To check that nothing was changed, verify the JSONL export of the same
period: <code>donegate audit verify --file export.jsonl</code>, and compare its head hash with this one.</p>`;
}

function policySection(totals: AuditTotals): string {
  const rows = totals.policies
    .map(
      (p) =>
        `<tr><td>v${p.version}</td><td class="hash">${h(p.hash)}</td><td>${p.rules.map((r) => `<code>${h(r)}</code>`).join(', ')}</td><td class="n">${p.decisions}</td><td>${h(p.firstSeen.slice(0, 10))} – ${h(p.lastSeen.slice(0, 10))}</td></tr>`,
    )
    .join('\n');
  return `<h2 id="policy">Policy in force</h2>
<p>The policy (<code>config/policy.yaml</code>, owned by the security lead) says which criteria each project must meet. Each check
records the sha256 of the exact policy text it applied.</p>
<table><thead><tr><th>Version</th><th>Policy sha256</th><th>Rules applied</th><th>Checks</th><th>In use</th></tr></thead><tbody>
${rows || '<tr><td colspan="5">No checks in this period.</td></tr>'}
</tbody></table>`;
}

function totalsSection(totals: AuditTotals): string {
  const sum = (pick: (p: AuditTotals['byProject'][number]) => number) => totals.byProject.reduce((n, p) => n + pick(p), 0);
  const card = (id: string, value: number, label: string) => `<div class="total"><strong id="total-${id}">${value}</strong>${h(label)}</div>`;
  const projects = totals.byProject
    .map((p) => `<tr><td>${h(p.tracker)}</td><td>${h(p.project)}</td><td class="n">${p.gated}</td><td class="n">${p.passedFirstTime}</td><td class="n">${p.blocked}</td><td class="n">${p.warned}</td><td class="n">${p.waived}</td></tr>`)
    .join('\n');
  const criteria = totals.byCriterion
    .map((c) => `<tr><td><code>${h(c.criterion)}</code></td><td class="n">${c.pass}</td><td class="n">${c.fail}</td><td class="n">${c.error}</td></tr>`)
    .join('\n');
  return `<h2 id="totals">Totals</h2>
<div class="totals">
${card('gated', sum((p) => p.gated), 'tickets gated')}
${card('passed-first-time', sum((p) => p.passedFirstTime), 'passed first time')}
${card('blocked', sum((p) => p.blocked), 'blocked at least once')}
${card('waived', sum((p) => p.waived), 'with a waiver')}
</div>
<p class="note">Gated: a move to Done was checked. Passed first time: the first check in the period passed. Blocked: a check failed
in block mode and the ticket was moved back. Warned: a check failed in warn mode.</p>
<h3>By project</h3>
<table><thead><tr><th>Tracker</th><th>Project</th><th>Gated</th><th>Passed first time</th><th>Blocked</th><th>Warned</th><th>Waived</th></tr></thead><tbody>
${projects || '<tr><td colspan="7">None.</td></tr>'}
</tbody></table>
<h3>By criterion (checks of moves to Done)</h3>
<table><thead><tr><th>Criterion</th><th>Pass</th><th>Fail</th><th>Could not check</th></tr></thead><tbody>
${criteria || '<tr><td colspan="4">None.</td></tr>'}
</tbody></table>`;
}

function waiverSection(totals: AuditTotals, end: Date, names: ReadonlyMap<string, string>): string {
  const rows = totals.openWaivers
    .map(
      (w) =>
        `<tr><td>${h(w.tracker)} ${h(w.ticket)}</td><td><code>${h(w.criterion)}</code>${w.advisories.length > 0 ? ` (${h(w.advisories.join(', '))})` : ''}</td><td>${actorCell(w.actor, names)}</td><td>${h(lastDayBefore(w.expiresAt))}</td><td>${h(w.reason)}</td></tr>`,
    )
    .join('\n');
  return `<h2 id="waivers">Open waivers</h2>
<p>Risks accepted and still running at the end of the period (${h(isMidnight(end) ? new Date(end.getTime() - 1).toISOString().slice(0, 10) : minute(end))} UTC), soonest expiry first.</p>
<table><thead><tr><th>Ticket</th><th>Criterion</th><th>Approved by</th><th>Last day (UTC)</th><th>Reason</th></tr></thead><tbody>
${rows || '<tr><td colspan="5">None.</td></tr>'}
</tbody></table>${unreadableNote(totals)}`;
}

/** Waiver entries the report could not read are named, so a gap in the table is never silent. */
function unreadableNote(totals: AuditTotals): string {
  if (totals.unreadableWaivers.length === 0) return '';
  const items = totals.unreadableWaivers.map((u) => `<li>entry ${u.seq}: ${h(u.problem)}</li>`).join('\n');
  return `\n<p>Waiver entries whose data does not match the audit-event catalog, left out of the table above:</p>\n<ul>\n${items}\n</ul>`;
}
