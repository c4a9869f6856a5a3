import type { Database } from '../store/database.js';
import type { PeriodRange } from './audit-period.js';
import { AUDIT_COLUMNS, toAuditEntry, type AuditRow } from './read-audit-entries.js';
import { readAuditEvent } from './read-audit-event.js';

/** Per project (Jira project or Linear team key) over a period. */
export interface ProjectTotals {
  tracker: string;
  project: string;
  /** Tickets with at least one move to Done that donegate checked. */
  gated: number;
  /** Tickets whose first checked move to Done in the period passed. */
  passedFirstTime: number;
  /** Tickets moved back (or failed in warn mode) at least once. */
  blocked: number;
  warned: number;
  /** Tickets that got a waiver in the period. */
  waived: number;
}

export interface CriterionTotals {
  criterion: string;
  pass: number;
  fail: number;
  error: number;
}

export interface PolicyInForce {
  hash: string;
  version: number;
  rules: string[];
  decisions: number;
  firstSeen: string;
  lastSeen: string;
}

export interface OpenWaiver {
  tracker: string;
  ticket: string;
  criterion: string;
  advisories: string[];
  actor: string;
  reason: string;
  expiresAt: string;
  seq: number;
}

export interface AuditTotals {
  byProject: ProjectTotals[];
  byCriterion: CriterionTotals[];
  policies: PolicyInForce[];
  /** Waivers created up to the end of the period and still running after it. */
  openWaivers: OpenWaiver[];
  /** Waiver entries whose data does not match the catalog: listed by seq and fault, not counted. */
  unreadableWaivers: UnreadableEntry[];
}

export interface UnreadableEntry {
  seq: number;
  problem: string;
}

const int = (value: unknown): number => Number(value ?? 0);

/**
 * The report's figures, computed in SQL over the period's range of sequence numbers (so memory does not
 * grow with the log). A "gated" attempt is a decision on a move to Done with outcome pass or fail.
 */
export async function computeAuditTotals(db: Database, range: PeriodRange, periodEnd: Date): Promise<AuditTotals> {
  const params = [range.firstSeq, range.lastSeq];
  const byProject = await db.query<Record<string, unknown>>(
    `WITH attempts AS (
       SELECT tracker, ticket, seq, data->>'outcome' AS outcome, data->>'mode' AS mode FROM audit_log
       WHERE seq BETWEEN $1 AND $2 AND type = 'decision' AND data->>'trigger' = 'transition' AND data->>'outcome' IN ('pass', 'fail')
     ), tickets AS (
       SELECT tracker, ticket, (array_agg(outcome ORDER BY seq))[1] AS first_outcome,
              bool_or(outcome = 'fail' AND mode = 'block') AS blocked, bool_or(outcome = 'fail' AND mode = 'warn') AS warned
       FROM attempts GROUP BY tracker, ticket
     ), waived AS (
       SELECT DISTINCT tracker, ticket FROM audit_log WHERE seq BETWEEN $1 AND $2 AND type = 'waiver-created'
     ), every_ticket AS (
       SELECT coalesce(t.tracker, w.tracker) AS tracker, coalesce(t.ticket, w.ticket) AS ticket, t.first_outcome,
              t.blocked, t.warned, t.ticket IS NOT NULL AS gated, w.ticket IS NOT NULL AS waived
       FROM tickets t FULL JOIN waived w ON t.tracker = w.tracker AND t.ticket = w.ticket
     )
     SELECT tracker, regexp_replace(ticket, '-[^-]*$', '') AS project,
            count(*) FILTER (WHERE gated) AS gated, count(*) FILTER (WHERE first_outcome = 'pass') AS passed_first_time,
            count(*) FILTER (WHERE blocked) AS blocked, count(*) FILTER (WHERE warned) AS warned, count(*) FILTER (WHERE waived) AS waived
     FROM every_ticket GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
  const byCriterion = await db.query<Record<string, unknown>>(
    `SELECT c->>'criterion' AS criterion, count(*) FILTER (WHERE c->>'status' = 'pass') AS pass,
            count(*) FILTER (WHERE c->>'status' = 'fail') AS fail, count(*) FILTER (WHERE c->>'status' = 'error') AS error
     FROM audit_log, jsonb_array_elements(data->'criteria') AS c
     WHERE seq BETWEEN $1 AND $2 AND type = 'decision' AND data->>'trigger' = 'transition'
     GROUP BY 1 ORDER BY 1`,
    params,
  );
  const policies = await db.query<Record<string, unknown>>(
    `SELECT data->'policy'->>'hash' AS hash, max(data->'policy'->>'version') AS version, count(*) AS decisions,
            array_agg(DISTINCT data->>'rule') FILTER (WHERE data->>'rule' IS NOT NULL) AS rules, min(at) AS first_seen, max(at) AS last_seen
     FROM audit_log WHERE seq BETWEEN $1 AND $2 AND type = 'decision' AND data ? 'policy'
     GROUP BY 1 ORDER BY min(seq)`,
    params,
  );
  const openWaiverRows = await db.query<AuditRow>(
    `SELECT ${AUDIT_COLUMNS} FROM audit_log
     WHERE seq <= $1 AND type = 'waiver-created' AND (data->>'expiresAt')::timestamptz > $2
     ORDER BY (data->>'expiresAt')::timestamptz, seq`,
    [range.lastSeq, periodEnd.toISOString()],
  );
  return {
    byProject: byProject.map((r) => ({
      tracker: String(r.tracker),
      project: String(r.project),
      gated: int(r.gated),
      passedFirstTime: int(r.passed_first_time),
      blocked: int(r.blocked),
      warned: int(r.warned),
      waived: int(r.waived),
    })),
    byCriterion: byCriterion.map((r) => ({ criterion: String(r.criterion), pass: int(r.pass), fail: int(r.fail), error: int(r.error) })),
    policies: policies.map((r) => ({
      hash: String(r.hash),
      version: int(r.version),
      rules: (r.rules as string[] | null) ?? [],
      decisions: int(r.decisions),
      firstSeen: new Date(r.first_seen as string).toISOString(),
      lastSeen: new Date(r.last_seen as string).toISOString(),
    })),
    ...openWaiversOf(openWaiverRows),
  };
}

/** The open waivers, each entry's data read with the catalog. */
function openWaiversOf(rows: AuditRow[]): Pick<AuditTotals, 'openWaivers' | 'unreadableWaivers'> {
  const openWaivers: OpenWaiver[] = [];
  const unreadableWaivers: UnreadableEntry[] = [];
  for (const row of rows) {
    const read = readAuditEvent(toAuditEntry(row));
    if (!read.ok || read.entry.type !== 'waiver-created') {
      unreadableWaivers.push({ seq: Number(row.seq), problem: read.ok ? 'not a waiver entry' : read.problem });
      continue;
    }
    const { seq, tracker, ticket, actor, data } = read.entry;
    openWaivers.push({ seq, tracker: tracker ?? '', ticket: ticket ?? '', actor, criterion: data.criterion, advisories: data.advisories, reason: data.reason, expiresAt: data.expiresAt });
  }
  return { openWaivers, unreadableWaivers };
}
