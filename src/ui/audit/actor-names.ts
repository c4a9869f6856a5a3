import type { ActorNames } from '../../audit/export-html.js';
import type { TrackerName } from '../../domain/index.js';
import type { Logger } from '../../logging/logger.js';
import type { Tracker } from '../../trackers/tracker.js';

export interface ActorNameDeps {
  trackers: Partial<Record<TrackerName, Tracker>>;
  log: Logger;
  now?: () => Date;
  /** How long a name (or the lack of one) is kept before the tracker is asked again. Default one hour. */
  ttlMs?: number;
  /** Names kept at most; the oldest go first. Default 10,000. */
  maxEntries?: number;
}

const ACTOR = /^([a-z]+):(.{1,200})$/;
/** Lookups run at once per batch at most, so a long report does not flood the tracker. */
const CONCURRENT_LOOKUPS = 4;

/**
 * Display names for audit actors of the form `<tracker>:<account id>` (`jira:u-priya` → "Priya Patel"),
 * asked of the tracker once and kept in memory for `ttlMs`, so a report naming one person on a thousand
 * rows costs one tracker call. A failed lookup is kept as "no name" too (the id alone is shown) and
 * logged without the account id.
 */
export function createActorNames(deps: ActorNameDeps): ActorNames {
  const ttlMs = deps.ttlMs ?? 3_600_000;
  const maxEntries = deps.maxEntries ?? 10_000;
  const now = deps.now ?? (() => new Date());
  const cache = new Map<string, { name: string | undefined; until: number }>();
  const pending = new Map<string, Promise<string | undefined>>();

  const lookUp = (actor: string, tracker: Tracker, accountId: string): Promise<string | undefined> => {
    const running = pending.get(actor);
    if (running) return running;
    const lookup = tracker
      .displayName!(accountId)
      .catch((error: unknown) => {
        deps.log.warn({ tracker: tracker.name, err: error instanceof Error ? error.name : 'unknown' }, 'could not read a display name from the tracker; the report shows the account id alone');
        return undefined;
      })
      .then((name) => {
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
        cache.set(actor, { name, until: now().getTime() + ttlMs });
        pending.delete(actor);
        return name;
      });
    pending.set(actor, lookup);
    return lookup;
  };

  return async (actors) => {
    const names = new Map<string, string>();
    const wanted: Array<{ actor: string; tracker: Tracker; accountId: string }> = [];
    for (const actor of new Set(actors)) {
      const match = ACTOR.exec(actor);
      const tracker = match ? deps.trackers[match[1] as TrackerName] : undefined;
      if (!match || !tracker?.displayName) continue;
      const cached = cache.get(actor);
      if (cached && cached.until > now().getTime()) {
        if (cached.name !== undefined) names.set(actor, cached.name);
        continue;
      }
      wanted.push({ actor, tracker, accountId: match[2]! });
    }
    for (let start = 0; start < wanted.length; start += CONCURRENT_LOOKUPS) {
      const slice = wanted.slice(start, start + CONCURRENT_LOOKUPS);
      const found = await Promise.all(slice.map((w) => lookUp(w.actor, w.tracker, w.accountId)));
      slice.forEach((w, index) => {
        const name = found[index];
        if (name !== undefined) names.set(w.actor, name);
      });
    }
    return names;
  };
}
