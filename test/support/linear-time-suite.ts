import { describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { HOSTILE_UNITS, measureGrowth, type HostileTarget } from './hostile-text.js';

/** Sizes every unit is screened at: from 100 characters, so a catastrophic regex fails before it can hang. */
const SCREEN = [100, 300, 1_000, 10_000, 100_000];
/** The slowest units at 100 kB are timed again up to a 1 MiB run, the longest line the scanner reads whole. */
const FULL = [10_000, 100_000, 2 ** 20];
const SLOWEST_RECHECKED = 2;

// Hostile units glued together, cut short and mixed with arbitrary text: near-misses no list foresees.
const mixedUnit = fc
  .tuple(fc.array(fc.constantFrom(...HOSTILE_UNITS), { minLength: 1, maxLength: 3 }), fc.string({ maxLength: 3 }), fc.nat(40))
  .map(([units, extra, cut]) => {
    const unit = units.join('') + extra;
    return unit.slice(0, Math.max(1, unit.length - (cut % 3)));
  });

/**
 * For each reader: every hostile unit stays within the CPU budget and grows no faster than its input from 100
 * characters to 100 kB, the slowest of them up to 1 MiB too, and so do random mixes of units (fast-check).
 */
export function describeLinearTime(targets: readonly HostileTarget[]): void {
  // CPU time of one process still moves with what else the machine runs (GC threads, cache pressure). A
  // super-linear reader fails every attempt; a reader that met a busy moment passes the second.
  jest.retryTimes(1, { logErrorsBeforeRetry: true });
  describe.each(targets.map((target) => [target.name, target] as const))('%s', (_name, target) => {
    it('reads every hostile run in time linear in its length, up to a 1 MiB run for the slowest', () => {
      const screened = HOSTILE_UNITS.map((unit) => ({ unit, report: measureGrowth(target, unit, SCREEN, 1) }));
      expect(screened.flatMap(({ report }) => report.problem ?? [])).toEqual([]);

      const slowest = screened
        .sort((a, b) => (b.report.steps.at(-1)?.ms ?? 0) - (a.report.steps.at(-1)?.ms ?? 0))
        .slice(0, SLOWEST_RECHECKED)
        .map(({ unit }) => measureGrowth(target, unit, FULL));
      expect(slowest.flatMap((report) => report.problem ?? [])).toEqual([]);
    });

    it('reads random mixes of hostile units and near-misses in linear time', () => {
      fc.assert(
        fc.property(mixedUnit, (unit) => {
          const { problem } = measureGrowth(target, unit, SCREEN);
          if (problem) throw new Error(problem);
        }),
        { numRuns: 12 },
      );
    });
  });
}
