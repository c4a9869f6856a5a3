import { measureGrowth, type HostileTarget } from '../support/hostile-text.js';

/**
 * The linear-time suite guards every reader of hostile text; this proves the guard itself: a reader that is
 * quadratic in its input is caught, however fast it starts, and a linear one that only touches each byte passes.
 */
describe('the linear-time check', () => {
  const wrap = (run: string) => run;
  // Looks for each character again from the start of the text: n²/2 steps.
  const quadratic: HostileTarget = {
    name: 'quadratic reader',
    wrap,
    read: (input) => {
      let found = 0;
      for (let at = 0; at < input.length; at += 1) found += input.lastIndexOf(input[at]!, at) >= 0 ? 1 : 0;
      for (let at = 0; at < input.length; at += 64) found += input.slice(0, at).split('a').length;
      return found;
    },
  };
  const linear: HostileTarget = { name: 'linear reader', wrap, read: (input) => input.split('\n').length + input.indexOf('\u0000') };

  it('reports super-linear growth for a quadratic reader', () => {
    expect(measureGrowth(quadratic, 'ab', [100, 1_000, 10_000, 100_000]).problem).toMatch(/super-linear growth|over the .* budget/);
  });

  it('passes a linear reader up to a 1 MiB run, where its input outgrows the caches', () => {
    expect(measureGrowth(linear, 'hf_token=hf_', [10_000, 100_000, 2 ** 20]).problem).toBeUndefined();
  });
});
