import { invalidInput } from './linear-error-bodies.js';

export interface PaginationArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Linear returns 50 items when `first`/`last` is omitted and refuses more than 250. */
const DEFAULT_PAGE = 50;
const MAX_PAGE = 250;

/** Relay-style pagination over `items` (already filtered and ordered); the cursor is the item id. */
export function paginate<T extends { id: string }, V>(items: T[], args: PaginationArgs, view: (item: T) => V): Connection<V> {
  const size = args.first ?? args.last ?? DEFAULT_PAGE;
  if (size < 0 || size > MAX_PAGE) throw invalidInput(`first/last must be between 0 and ${MAX_PAGE}`);
  let start = 0;
  let end = items.length;
  if (args.after) start = items.findIndex((item) => item.id === args.after) + 1;
  if (args.before) {
    const index = items.findIndex((item) => item.id === args.before);
    if (index >= 0) end = index;
  }
  let slice = items.slice(start, end);
  const fromEnd = args.last !== undefined && args.last !== null && (args.first === undefined || args.first === null);
  const hasMore = slice.length > size;
  slice = fromEnd ? slice.slice(Math.max(0, slice.length - size)) : slice.slice(0, size);
  const nodes = slice.map(view);
  const first = slice[0];
  const last = slice[slice.length - 1];
  return {
    nodes,
    edges: slice.map((item, index) => ({ node: nodes[index] as V, cursor: item.id })),
    pageInfo: {
      hasNextPage: fromEnd ? end < items.length : hasMore || end < items.length,
      hasPreviousPage: fromEnd ? hasMore || start > 0 : start > 0,
      startCursor: first?.id ?? null,
      endCursor: last?.id ?? null,
    },
  };
}
