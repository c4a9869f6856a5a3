import type { Database } from '../../store/database.js';

/** One ISO week of the gate's work, over the projects asked for. */
export interface WeekTrend {
  /** `2026-W48`. */
  week: string;
  /** Monday of the week, `2026-11-23`. */
  start: string;
  blocked: number;
  cleared: number;
  /** Median hours from a ticket's first block to the pass that cleared it; null when nothing was cleared. */
  medianHoursToPass: number | null;
  waiversOpened: number;
}

export interface ProjectTrend {
  tracker: string;
  project: string;
  blocked: number;
  cleared: number;
  medianHoursToPass: number | null;
  waiversOpened: number;
}

export interface Trends {
  weeks: WeekTrend[];
  projects: ProjectTrend[];
  /** Criteria that blocked most, with how many block decisions they failed in. */
  criteria: Array<{ criterion: string; blocks: number }>;
}

/** The project of a key, as the trackers read it: `acme/ml` of `acme/ml#42`, `ML` of `ML-42`. */
const PROJECT_OF = (column: string) => `CASE WHEN tracker = 'github' THEN regexp_replace(${column}, '#[^#]*$', '') ELSE split_part(${column}, '-', 1) END`;
const PROJECT_KEY = `tracker || ':' || ${PROJECT_OF('ticket_key')}`;

/** Every (tracker, project) with decisions or waivers, so the caller can keep those the viewer may see. */
export async function readTrendProjects(db: Database): Promise<Array<{ tracker: string; project: string }>> {
  return db.query<{ tracker: string; project: string }>(
    `SELECT DISTINCT tracker, ${PROJECT_OF('ticket_key')} AS project FROM decisions
     UNION SELECT DISTINCT tracker, ${PROJECT_OF('ticket_key')} AS project FROM waivers ORDER BY 1, 2`,
  );
}

/**
 * A ticket is blocked by a failing check in block mode, and cleared by the next passing check; the time to
 * pass runs from the first block since its previous pass. Runs are numbered by the passes before each
 * check, so a block and the pass that ends it share a run. `projects` are `tracker:project` keys.
 */
const CLEARS = `
  WITH d AS (
    SELECT id, tracker, ticket_key, outcome, mode, decided_at, ${PROJECT_KEY} AS project_key,
      coalesce(count(*) FILTER (WHERE outcome = 'pass') OVER (PARTITION BY tracker, ticket_key ORDER BY decided_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS run
    FROM decisions WHERE outcome IN ('pass', 'fail') AND decided_at < $2 AND ${PROJECT_KEY} = ANY($3)
  ), blocks AS (
    SELECT tracker, ticket_key, run, min(decided_at) AS first_block FROM d WHERE outcome = 'fail' AND mode = 'block' GROUP BY tracker, ticket_key, run
  )
  SELECT d.tracker, d.project_key, d.decided_at, extract(epoch FROM d.decided_at - b.first_block) / 3600 AS hours
  FROM d JOIN blocks b ON b.tracker = d.tracker AND b.ticket_key = d.ticket_key AND b.run = d.run
  WHERE d.outcome = 'pass' AND d.decided_at >= $1`;

const WEEK = (column: string) => `to_char(date_trunc('week', ${column} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
const num = (value: unknown): number => Number(value ?? 0);
const hours = (value: unknown): number | null => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);

/** The weeks from the Monday `weeks - 1` weeks before `now`'s to `now`, with the figures computed in SQL. */
export async function readTrends(db: Database, options: { now: Date; weeks: number; projects: readonly string[] }): Promise<Trends> {
  const monday = new Date(Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate() - ((options.now.getUTCDay() + 6) % 7)));
  const from = new Date(monday.getTime() - (options.weeks - 1) * 7 * 86_400_000);
  const params = [from.toISOString(), options.now.toISOString(), [...options.projects]];
  const [blockedByWeek, clearsByWeek, waiversByWeek, byProject, criteria] = await Promise.all([
    db.query<{ start: string; n: unknown }>(
      `SELECT ${WEEK('decided_at')} AS start, count(DISTINCT (tracker, ticket_key)) AS n
       FROM decisions WHERE outcome = 'fail' AND mode = 'block' AND decided_at >= $1 AND decided_at < $2 AND ${PROJECT_KEY} = ANY($3) GROUP BY 1`,
      params,
    ),
    db.query<{ start: string; n: unknown; median: unknown }>(
      `SELECT ${WEEK('decided_at')} AS start, count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median FROM (${CLEARS}) c GROUP BY 1`,
      params,
    ),
    db.query<{ start: string; n: unknown }>(
      `SELECT ${WEEK('created_at')} AS start, count(*) AS n FROM waivers WHERE created_at >= $1 AND created_at < $2 AND ${PROJECT_KEY} = ANY($3) GROUP BY 1`,
      params,
    ),
    db.query<{ project_key: string; blocked: unknown; cleared: unknown; median: unknown; waivers: unknown }>(
      `SELECT k.project_key,
         (SELECT count(DISTINCT (tracker, ticket_key)) FROM decisions WHERE outcome = 'fail' AND mode = 'block' AND decided_at >= $1 AND decided_at < $2 AND ${PROJECT_KEY} = k.project_key) AS blocked,
         (SELECT count(*) FROM (${CLEARS}) c WHERE c.project_key = k.project_key) AS cleared,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FROM (${CLEARS}) c WHERE c.project_key = k.project_key) AS median,
         (SELECT count(*) FROM waivers WHERE created_at >= $1 AND created_at < $2 AND ${PROJECT_KEY} = k.project_key) AS waivers
       FROM unnest($3::text[]) AS k(project_key) ORDER BY 1`,
      params,
    ),
    db.query<{ criterion: string; n: unknown }>(
      `SELECT c->>'criterion' AS criterion, count(*) AS n
       FROM decisions, jsonb_array_elements(criteria) AS c
       WHERE outcome = 'fail' AND mode = 'block' AND decided_at >= $1 AND decided_at < $2 AND ${PROJECT_KEY} = ANY($3) AND c->>'status' IN ('fail', 'error')
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
      params,
    ),
  ]);
  const weeks: WeekTrend[] = [];
  for (let index = 0; index < options.weeks; index += 1) {
    const start = new Date(from.getTime() + index * 7 * 86_400_000).toISOString().slice(0, 10);
    const blocked = blockedByWeek.find((row) => row.start === start);
    const clears = clearsByWeek.find((row) => row.start === start);
    weeks.push({
      week: isoWeek(start),
      start,
      blocked: num(blocked?.n),
      cleared: num(clears?.n),
      medianHoursToPass: hours(clears?.median),
      waiversOpened: num(waiversByWeek.find((row) => row.start === start)?.n),
    });
  }
  return {
    weeks,
    projects: byProject
      .map((row) => {
        const split = row.project_key.indexOf(':');
        return { tracker: row.project_key.slice(0, split), project: row.project_key.slice(split + 1), blocked: num(row.blocked), cleared: num(row.cleared), medianHoursToPass: hours(row.median), waiversOpened: num(row.waivers) };
      })
      .filter((p) => p.blocked + p.cleared + p.waiversOpened > 0),
    criteria: criteria.map((row) => ({ criterion: row.criterion, blocks: num(row.n) })),
  };
}

/** `2026-W48` of the Monday `2026-11-23` (ISO 8601: the week holding the year's first Thursday is week 1). */
function isoWeek(monday: string): string {
  const thursday = new Date(`${monday}T00:00:00Z`);
  thursday.setUTCDate(thursday.getUTCDate() + 3);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
