export interface LookupCacheOptions {
  /** How long an answer is trusted. */
  ttlMs: number;
  /** How long a failure is remembered, so many artifacts checked at once ask once, not once each. */
  failureTtlMs: number;
  now?: () => number;
}

/** `cache(key, lookup)`: the answer for `key` while fresh, else `lookup()`; callers that ask while it is in flight share it. */
export type LookupCache<T> = (key: string, lookup: () => Promise<T>) => Promise<T>;

interface CacheEntry<T> {
  expires: number;
  answer: Promise<T>;
}

/** Answers (and failures) kept per key for a while: the live checks ask AWS about the same alias or account for every artifact. */
export function createLookupCache<T>(options: LookupCacheOptions): LookupCache<T> {
  const now = options.now ?? Date.now;
  const cache = new Map<string, CacheEntry<T>>();
  return (key, lookup) => {
    const at = now();
    const hit = cache.get(key);
    if (hit && hit.expires > at) return hit.answer;
    for (const [stale, entry] of cache) if (entry.expires <= at) cache.delete(stale);
    const entry: CacheEntry<T> = { expires: Number.POSITIVE_INFINITY, answer: lookup() };
    cache.set(key, entry);
    entry.answer.then(
      () => (entry.expires = now() + options.ttlMs),
      () => (entry.expires = now() + options.failureTtlMs),
    );
    return entry.answer;
  };
}
