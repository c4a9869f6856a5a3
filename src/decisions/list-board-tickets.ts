import type { CriterionStatus, GateMode, TicketSnapshot, TrackerName } from '../domain/index.js';
import type { Database } from '../store/database.js';
import { latestDecisionFields, toDecision, type DecisionRow } from './decision-row.js';

/** The columns the board sorts by. */
export const BOARD_SORTS = ['key', 'summary', 'assignee', 'project', 'tracker', 'status', 'since', 'times', 'decided'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** Each sort as SQL over the `board` relation below: a fixed list, so no request text ever reaches the ORDER BY. */
const SORT_SQL: Record<BoardSort, string> = {
  key: 'ticket_key',
  summary: 'summary_sort',
  assignee: 'assignee_sort',
  project: 'project',
  tracker: 'tracker',
  status: 'status_sort',
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
 * ticket last passed, all by window functions over the
 * narrow columns of one scan in the board index's order; the wide columns are read only for each ticket's
 * latest decision, and whole rows only for the page shown. Filter, sort and paging all run in PostgreSQL; the count comes with the page.
 * The project is the key without its trailing `-123` or `#123` (Jira, Linear, GitHub keys alike), as scopes are.
 */
export async function listBoardTickets(db: Database, query: BoardQuery): Promise<BoardPage> {
  const scopes = query.scopes.map((scope) => scope.toUpperCase());
  const order = `${SORT_SQL[query.sort]} ${query.dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, tracker, ticket_key`;
  const rows = await db.query<Row>(
    `WITH considered AS (
       SELECT id, tracker, ticket_key, outcome, decided_at, upper(regexp_replace(ticket_key, '[-#][^-#]*$', '')) AS key_project
       FROM decisions
       WHERE outcome <> 'skipped' AND ($1::text IS NULL OR tracker = $1)
     ),
     scoped AS (
       SELECT * FROM considered
       WHERE cardinality($2::text[]) = 0 OR key_project = ANY($2::text[]) OR upper(tracker) || ':' || key_project = ANY($2::text[])
     ),
     -- Partitions compare bytes ("C"): only grouping matters there, and it is several times cheaper than the locale's collation.
     with_last_pass AS (
       SELECT s.*, max(decided_at) FILTER (WHERE outcome = 'pass') OVER latest_first AS last_pass
       FROM scoped s
       WINDOW latest_first AS (PARTITION BY tracker COLLATE "C", ticket_key COLLATE "C" ORDER BY decided_at DESC, id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
     ),
     ranked AS (
       SELECT w.*,
         row_number() OVER latest_first AS recency,
         min(decided_at) FILTER (WHERE decided_at > COALESCE(last_pass, '-infinity'::timestamptz)) OVER latest_first AS since,
         count(*) FILTER (WHERE decided_at > COALESCE(last_pass, '-infinity'::timestamptz)) OVER latest_first AS times
       FROM with_last_pass w
       WINDOW latest_first AS (PARTITION BY tracker COLLATE "C", ticket_key COLLATE "C" ORDER BY decided_at DESC, id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
     ),
     board AS (
       SELECT r.id, r.tracker, r.ticket_key, r.decided_at, r.since, r.times,
         upper(COALESCE(d.ticket_snapshot->>'project', r.key_project)) AS project,
         lower(d.ticket_snapshot->>'summary') AS summary_sort, lower(d.ticket_snapshot->>'assignee') AS assignee_sort, lower(d.from_status) AS status_sort
       FROM ranked r JOIN decisions d ON d.id = r.id
       WHERE r.recency = 1 AND r.outcome IN ('fail', 'error')
         AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements(d.criteria) c WHERE c->>'criterion' = $4 AND c->>'status' <> 'pass'))
     ),
     filtered AS (
       SELECT * FROM board
       WHERE ($3::text IS NULL OR project = upper($3))
         AND ($5::timestamptz IS NULL OR since < $5)
         AND ($6::text IS NULL OR strpos(assignee_sort, lower($6)) > 0)
     ),
     page AS (
       SELECT id, since, times, project, row_number() OVER (ORDER BY ${order}) AS position
       FROM filtered
       ORDER BY position
       LIMIT $7 OFFSET $8
     )
     SELECT d.*, page.since, page.times, page.project, (SELECT count(*) FROM filtered) AS total
     FROM page JOIN decisions d ON d.id = page.id
     ORDER BY page.position`,
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
  return {
    ...latestDecisionFields(decision),
    project: row.project,
    ...(decision.ticket !== undefined ? { ticket: decision.ticket } : {}),
    outcome: row.outcome,
    unmet: decision.criteria.flatMap(({ criterion, status, reason }) => (status === 'pass' ? [] : [{ criterion, status, reason }])),
    since: new Date(row.since),
    times: Number(row.times),
  };
}
