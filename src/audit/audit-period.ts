import type { Database } from '../store/database.js';

/** A bound given to `--from` / `--to` or `?from=` / `?to=` that is not a date. */
export class InvalidPeriodError extends Error {
  override readonly name = 'InvalidPeriodError';
}

/** A period of time, `from` inclusive and `to` exclusive; an open end is unbounded. */
export interface AuditPeriod {
  from?: Date;
  to?: Date;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `2026-10-01` or `2026-10-01T00:00:00Z`. A date alone means the whole day in UTC: as `to`, the period
 * runs through that day, so `--from 2026-10-01 --to 2026-12-31` is the fourth quarter.
 */
export function parsePeriod(from: string | undefined, to: string | undefined): AuditPeriod {
  const period: AuditPeriod = {};
  if (from) period.from = parseBound(from, 'from', false);
  if (to) period.to = parseBound(to, 'to', true);
  if (period.from && period.to && period.from >= period.to) throw new InvalidPeriodError(`from (${from}) must come before to (${to})`);
  return period;
}

function parseBound(text: string, name: string, endOfDay: boolean): Date {
  const value = text.trim();
  if (!DATE_ONLY.test(value) && !DATE_TIME.test(value)) {
    throw new InvalidPeriodError(`${name}: "${text}" is not a date such as 2026-10-01 or 2026-10-01T00:00:00Z`);
  }
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(date.getTime()) || (DATE_ONLY.test(value) && date.toISOString().slice(0, 10) !== value)) {
    throw new InvalidPeriodError(`${name}: "${text}" is not a real date`);
  }
  return endOfDay && DATE_ONLY.test(value) ? new Date(date.getTime() + 86_400_000) : date;
}

/** The entries of a period: a contiguous range, since times never go backwards along the chain. */
export interface PeriodRange {
  firstSeq: number;
  lastSeq: number;
  /** The first entry's prevHash: the anchor an offline verification starts from. */
  prevHash: string;
}

export async function rangeOfPeriod(db: Database, period: AuditPeriod): Promise<PeriodRange | undefined> {
  const [bounds] = await db.query<{ first: string | number | null; last: string | number | null }>(
    `SELECT min(seq) AS first, max(seq) AS last FROM audit_log
     WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2)`,
    [period.from?.toISOString() ?? null, period.to?.toISOString() ?? null],
  );
  if (bounds?.first === null || bounds?.first === undefined) return undefined;
  const [first] = await db.query<{ prev_hash: string }>('SELECT prev_hash FROM audit_log WHERE seq = $1', [bounds.first]);
  return { firstSeq: Number(bounds.first), lastSeq: Number(bounds.last), prevHash: first!.prev_hash };
}
