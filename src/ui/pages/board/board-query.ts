import { z } from 'zod';
import { emptyAsAbsent } from '../../../http/request-text.js';
import { trackerFieldSchema } from '../../../http/tracker-param.js';
import { BOARD_SORTS, type BoardFilter, type BoardQuery } from '../../../decisions/list-board-tickets.js';

/** Rows on one board page. */
export const BOARD_PAGE_SIZE = 50;

const UNIT_HOURS = { h: 1, d: 24, w: 24 * 7 } as const;
const text = (what: string) => emptyAsAbsent(z.string().max(100, `${what} is at most 100 characters`).optional());

/**
 * The board's view as GET parameters, so a filtered, sorted page is a URL to share: `tracker`, `project`,
 * `criterion`, `assignee`, `olderThan` (`12h`, `7d`, `2w`), `sort`, `dir`, `page`. Empty fields count as absent.
 */
export const boardParamsSchema = z.object({
  tracker: emptyAsAbsent(trackerFieldSchema.optional()),
  project: text('project'),
  criterion: text('criterion'),
  assignee: text('assignee'),
  olderThan: emptyAsAbsent(z.string().regex(/^\d{1,4}[hdw]$/, 'olderThan is a number and h, d or w, such as 7d').optional()),
  sort: emptyAsAbsent(z.enum(BOARD_SORTS, { error: `sort is one of ${BOARD_SORTS.join(', ')}` }).default('since')),
  dir: emptyAsAbsent(z.enum(['asc', 'desc'], { error: 'dir is asc or desc' }).default('asc')),
  page: emptyAsAbsent(z.string().regex(/^\d{1,6}$/, 'page is a whole number from 1').default('1').transform(Number).pipe(z.number().min(1, 'page is a whole number from 1'))),
});

export type BoardParams = z.infer<typeof boardParamsSchema>;

/** The filter the parameters ask for, within the reader's scopes. */
export function boardFilterOf(params: BoardParams, scopes: readonly string[], now: Date): BoardFilter {
  const age = params.olderThan;
  const hours = age === undefined ? undefined : Number(age.slice(0, -1)) * UNIT_HOURS[age.slice(-1) as keyof typeof UNIT_HOURS];
  return {
    scopes,
    ...(params.tracker !== undefined ? { tracker: params.tracker } : {}),
    ...(params.project !== undefined ? { project: params.project } : {}),
    ...(params.criterion !== undefined ? { criterion: params.criterion } : {}),
    ...(params.assignee !== undefined ? { assignee: params.assignee } : {}),
    ...(hours !== undefined ? { failingBefore: new Date(now.getTime() - hours * 3_600_000) } : {}),
  };
}

/** One page of the board (`all`: every row, for the CSV). */
export function boardQueryOf(params: BoardParams, filter: BoardFilter, all = false): BoardQuery {
  return { ...filter, sort: params.sort, dir: params.dir, offset: all ? 0 : (params.page - 1) * BOARD_PAGE_SIZE, ...(all ? {} : { limit: BOARD_PAGE_SIZE }) };
}

/** The query string of the same view with some parameters changed; defaults are left out to keep URLs short. */
export function boardSearch(params: BoardParams, changes: Partial<Record<keyof BoardParams, string | number | undefined>> = {}): string {
  const merged: Record<string, string | number | undefined> = { ...params, ...changes };
  const search = new URLSearchParams();
  for (const key of ['tracker', 'project', 'criterion', 'assignee', 'olderThan', 'sort', 'dir', 'page'] as const) {
    const value = merged[key];
    if (value === undefined || value === '') continue;
    if ((key === 'sort' && value === 'since') || (key === 'dir' && value === 'asc') || (key === 'page' && Number(value) === 1)) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query === '' ? '' : `?${query}`;
}
