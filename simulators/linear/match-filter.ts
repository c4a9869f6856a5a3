/**
 * Linear's filter inputs (`IssueLabelFilter`, `WorkflowStateFilter`, …) share one grammar: `and`/`or`
 * lists, `null: true|false` on nullable relations, comparators (`eq`, `in`, `containsIgnoreCase`, …) on
 * fields, nested filters on relations. This evaluates that grammar over a plain record of the entity.
 * A filter field the record does not carry is not modelled by the simulator and matches everything.
 */
export type Filterable = { [key: string]: FilterValue };
export type FilterValue = string | number | boolean | null | undefined | Filterable;

type Filter = Record<string, unknown>;

const COMPARATORS: Record<string, (actual: FilterValue, expected: unknown) => boolean> = {
  eq: (a, e) => a === e,
  neq: (a, e) => a !== e,
  in: (a, e) => Array.isArray(e) && e.includes(a),
  nin: (a, e) => Array.isArray(e) && !e.includes(a),
  eqIgnoreCase: (a, e) => lower(a) === lower(e),
  neqIgnoreCase: (a, e) => lower(a) !== lower(e),
  contains: (a, e) => typeof a === 'string' && typeof e === 'string' && a.includes(e),
  notContains: (a, e) => typeof a === 'string' && typeof e === 'string' && !a.includes(e),
  containsIgnoreCase: (a, e) => lower(a)?.includes(lower(e) ?? '') ?? false,
  notContainsIgnoreCase: (a, e) => !(lower(a)?.includes(lower(e) ?? '') ?? false),
  startsWith: (a, e) => typeof a === 'string' && typeof e === 'string' && a.startsWith(e),
  startsWithIgnoreCase: (a, e) => lower(a)?.startsWith(lower(e) ?? '') ?? false,
  notStartsWith: (a, e) => typeof a === 'string' && typeof e === 'string' && !a.startsWith(e),
  endsWith: (a, e) => typeof a === 'string' && typeof e === 'string' && a.endsWith(e),
  notEndsWith: (a, e) => typeof a === 'string' && typeof e === 'string' && !a.endsWith(e),
  null: (a, e) => (e === true ? a === null || a === undefined : a !== null && a !== undefined),
  gt: (a, e) => typeof a === 'number' && typeof e === 'number' && a > e,
  gte: (a, e) => typeof a === 'number' && typeof e === 'number' && a >= e,
  lt: (a, e) => typeof a === 'number' && typeof e === 'number' && a < e,
  lte: (a, e) => typeof a === 'number' && typeof e === 'number' && a <= e,
};

function lower(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

function isFilter(value: unknown): value is Filter {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isComparator(filter: Filter): boolean {
  return Object.keys(filter).every((key) => key in COMPARATORS);
}

export function matchesFilter(record: Filterable | null | undefined, filter: unknown): boolean {
  if (!isFilter(filter)) return true;
  return Object.entries(filter).every(([key, expected]) => {
    if (expected === undefined || expected === null) return true;
    if (key === 'and') return Array.isArray(expected) && expected.every((part) => matchesFilter(record, part));
    if (key === 'or') return Array.isArray(expected) && expected.some((part) => matchesFilter(record, part));
    if (key === 'null') return expected === true ? record === null || record === undefined : record !== null && record !== undefined;
    if (record === null || record === undefined) return false;
    if (!(key in record)) return true;
    const actual = record[key];
    if (!isFilter(expected)) return true;
    if (isFilter(actual)) return matchesFilter(actual, expected);
    if (isComparator(expected)) {
      return Object.entries(expected).every(
        ([op, value]) => value === undefined || value === null || (COMPARATORS[op]?.(actual, value) ?? true),
      );
    }
    // A nested filter on a relation the record does not have (a workspace label's `team`).
    return matchesFilter(null, expected);
  });
}
