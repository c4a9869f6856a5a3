import type { CriterionStatus, GateMode } from '../domain/index.js';
import type { Database } from '../store/database.js';
import type { TrackerName } from '../domain/index.js';
import type { DecisionOutcome } from './decision.js';
import { latestDecisionFields, toDecision, type DecisionRow } from './decision-row.js';

/** A ticket whose latest decision did not pass: what a PM filters the board for, with what is missing. */
export interface FailingTicket {
  tracker: TrackerName;
  ticketKey: string;
  /** `fail` in `block` mode: moved back; in `warn` mode: commented only. `error`: could not be checked. */
  outcome: Extract<DecisionOutcome, 'fail' | 'error'>;
  mode?: GateMode;
  rule?: string;
  /** The status it was moved back to (or left in), when the decision moved it. */
  status?: string;
  /** Criteria not met, by id, with their status. */
  unmet: Array<{ criterion: string; status: Exclude<CriterionStatus, 'pass'> }>;
  reason?: string;
  /** When the latest decision was made. */
  decidedAt: Date;
  /** When the ticket's current run of non-passing decisions began. */
  failingSince: Date;
}

export interface FailingTicketFilter {
  tracker?: TrackerName;
  /**
   * Project (Jira) or team (Linear) keys, bare (`ML`: in every tracker) or tracker-qualified as token scopes
   * are (`jira:ML`); empty or absent means every project.
   */
  projects?: readonly string[];
  limit?: number;
}

/** The query keeps only `fail` and `error` decisions, and adds when the ticket's run of them began. */
type Row = Omit<DecisionRow, 'outcome'> & { outcome: 'fail' | 'error'; failing_since: Date | string };

/**
 * Tickets whose latest decision is `fail` or `error`, newest first. Skipped decisions (stale deliveries,
 * donegate's own moves) say nothing about the ticket, so they are left out before picking the latest.
 */
export async function listFailingTickets(db: Database, filter: FailingTicketFilter = {}): Promise<FailingTicket[]> {
  const projects = (filter.projects ?? []).map((project) => project.toUpperCase());
  const rows = await db.query<Row>(
    `WITH considered AS (
       SELECT *
       FROM decisions
       WHERE outcome <> 'skipped'
         AND ($1::text IS NULL OR tracker = $1)
         AND (cardinality($2::text[]) = 0
              OR upper(regexp_replace(ticket_key, '-[^-]*$', '')) = ANY($2::text[])
              OR upper(tracker || ':' || regexp_replace(ticket_key, '-[^-]*$', '')) = ANY($2::text[]))
     ),
     latest AS (
       SELECT DISTINCT ON (tracker, ticket_key) *
       FROM considered
       ORDER BY tracker, ticket_key, decided_at DESC, id DESC
     )
     SELECT latest.*,
       (SELECT min(c.decided_at) FROM considered c
         WHERE c.tracker = latest.tracker AND c.ticket_key = latest.ticket_key
           AND c.decided_at > COALESCE((SELECT max(p.decided_at) FROM considered p
             WHERE p.tracker = latest.tracker AND p.ticket_key = latest.ticket_key AND p.outcome = 'pass'), '-infinity'::timestamptz)
       ) AS failing_since
     FROM latest
     WHERE latest.outcome IN ('fail', 'error')
     ORDER BY latest.decided_at DESC, latest.id DESC
     LIMIT $3`,
    [filter.tracker ?? null, projects, filter.limit ?? 500],
  );
  return rows.map(toFailingTicket);
}

function toFailingTicket(row: Row): FailingTicket {
  const decision = toDecision(row);
  return {
    ...latestDecisionFields(decision),
    outcome: row.outcome,
    unmet: decision.criteria.flatMap(({ criterion, status }) => (status === 'pass' ? [] : [{ criterion, status }])),
    failingSince: new Date(row.failing_since),
  };
}
