import type { CriterionStatus, GateMode, TicketSnapshot, TrackerName } from '../domain/index.js';
import type { Database } from '../store/database.js';
import { toDecision, type DecisionRow } from './decision-row.js';

/** The columns the board sorts by. */
export const BOARD_SORTS = ['key', 'summary', 'assignee', 'project', 'tracker', 'status', 'since', 'times', 'decided'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** Each sort as SQL over the `board` relation below: a fixed list, so no request text ever reaches the ORDER BY. */
const SORT_SQL: Record<BoardSort, string> = {
  key: 'ticket_key',
  summary: "lower(ticket_snapshot->>'summary')",
  assignee: "lower(ticket_snapshot->>'assignee')",
  project: 'project',
  tracker: 'tracker',
  status: 'lower(from_status)',
  since: 'since',
  times: 'times',
  decided: 'decided_at',
};

export interface BoardFilter {
  tracker?: TrackerName;
  /** One project (team, repository) key, any case. */
  project?: string;
  /** Only tickets where this criterion is not met. */
  criterion?: string;
  /** Only tickets failing since before this instant. */
  failingBefore?: Date;
  /** Part of the assignee's name, any case. */
  assignee?: string;
  /**
   * The reader's scopes as stored on tokens (`ML`, `jira:ML`); empty means every project. Always applied,
   * whatever else is asked.
   */
  scopes: readonly string[];
}

export interface BoardQuery extends BoardFilter {
  sort: BoardSort;
  dir: 'asc' | 'desc';
  /** Rows to skip and to return; absent limit: every row (the CSV download). */
  offset: number;
  limit?: number;
}

/** One ticket on the board: its latest non-passing decision, what it remembers of the ticket, and its streak. */
export interface BoardTicket {
  tracker: TrackerName;
  ticketKey: string;
  /** The project key from the ticket when known, else from its key. */
  project: string;
  /** Absent on decisions recorded before snapshots were kept: the board shows the key only. */
  ticket?: TicketSnapshot;
  outcome: 'fail' | 'error';
  mode?: GateMode;
  rule?: string;
  /** The status it was moved back to, when its rule blocks. */
  status?: string;
  reason?: string;
  unmet: Array<{ criterion: string; status: Exclude<CriterionStatus, 'pass'>; reason: string }>;
  decidedAt: Date;
  /** The first non-passing decision of the current streak. */
  since: Date;
  /** How many non-passing decisions the current streak holds. */
  times: number;
}

export interface BoardPage {
  tickets: BoardTicket[];
  /** Every ticket matching the filter, over all pages. */
  total: number;
}

type Row = Omit<DecisionRow, 'outcome'> & { outcome: 'fail' | 'error'; project: string; since: Date | string; times: string | number; total: string | number };

/**
 * The board in one query: each ticket's latest decision that was not skipped (a stale or own move says
 * nothing about the ticket), kept when it did not pass, with the streak of non-passing decisions since the
 * ticket last passed. Filter, sort and paging all run in PostgreSQL; the count comes with the page.
 * The project is the key without its trailing `-123` or `#123` (Jira, Linear, GitHub keys alike), as scopes are.
 */
export async function listBoardTickets(db: Database, query: BoardQuery): Promise<BoardPage> {
  const scopes = query.scopes.map((scope) => scope.toUpperCase());
  const order = `${SORT_SQL[query.sort]} ${query.dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, tracker, ticket_key`;
  const rows = await db.query<Row>(
    `WITH considered AS (
       SELECT d.*, upper(regexp_replace(d.ticket_key, '[-#][^-#]*$', '')) AS key_project
       FROM decisions d
       WHERE d.outcome <> 'skipped' AND ($1::text IS NULL OR d.tracker = $1)
     ),
     scoped AS (
       SELECT * FROM considered
       WHERE cardinality($2::text[]) = 0 OR key_project = ANY($2::text[]) OR upper(tracker) || ':' || key_project = ANY($2::text[])
     ),
     ranked AS (
       SELECT s.*,
         row_number() OVER (PARTITION BY tracker, ticket_key ORDER BY decided_at DESC, id DESC) AS recency,
         max(decided_at) FILTER (WHERE outcome = 'pass') OVER (PARTITION BY tracker, ticket_key) AS last_pass
       FROM scoped s
     ),
     streaks AS (
       SELECT tracker, ticket_key, min(decided_at) AS since, count(*) AS times
       FROM ranked WHERE decided_at > COALESCE(last_pass, '-infinity'::timestamptz)
       GROUP BY tracker, ticket_key
     ),
     board AS (
       SELECT r.*, st.since, st.times, upper(COALESCE(r.ticket_snapshot->>'project', r.key_project)) AS project
       FROM ranked r JOIN streaks st USING (tracker, ticket_key)
       WHERE r.recency = 1 AND r.outcome IN ('fail', 'error')
     )
     SELECT *, count(*) OVER () AS total FROM board
     WHERE ($3::text IS NULL OR project = upper($3))
       AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements(criteria) c WHERE c->>'criterion' = $4 AND c->>'status' <> 'pass'))
       AND ($5::timestamptz IS NULL OR since < $5)
       AND ($6::text IS NULL OR strpos(lower(ticket_snapshot->>'assignee'), lower($6)) > 0)
     ORDER BY ${order}
     LIMIT $7 OFFSET $8`,
    [
      query.tracker ?? null,
      scopes,
      query.project ?? null,
      query.criterion ?? null,
      query.failingBefore?.toISOString() ?? null,
      query.assignee ?? null,
      query.limit ?? null,
      query.offset,
    ],
  );
  const [first] = rows;
  if (first) return { tickets: rows.map(toBoardTicket), total: Number(first.total) };
  // A page past the end still tells how many there are.
  if (query.offset > 0) return { tickets: [], total: (await listBoardTickets(db, { ...query, offset: 0, limit: 1 })).total };
  return { tickets: [], total: 0 };
}

function toBoardTicket(row: Row): BoardTicket {
  const decision = toDecision(row);
  const { mode, fromStatus } = decision;
  return {
    tracker: decision.tracker,
    ticketKey: decision.ticketKey,
    project: row.project,
    ...(decision.ticket !== undefined ? { ticket: decision.ticket } : {}),
    outcome: row.outcome,
    ...(mode !== undefined ? { mode } : {}),
    ...(decision.rule !== undefined ? { rule: decision.rule } : {}),
    ...(fromStatus !== undefined && mode === 'block' ? { status: fromStatus } : {}),
    ...(decision.reason !== undefined ? { reason: decision.reason } : {}),
    unmet: decision.criteria.flatMap(({ criterion, status, reason }) => (status === 'pass' ? [] : [{ criterion, status, reason }])),
    decidedAt: decision.decidedAt,
    since: new Date(row.since),
    times: Number(row.times),
  };
}
