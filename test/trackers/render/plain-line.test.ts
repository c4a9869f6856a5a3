import { describe, expect, it } from '@jest/globals';
import { ellipsize, plainLine } from '../../../src/trackers/render/plain-line.js';

describe('plainLine', () => {
  it('turns every kind of line break into one space', () => {
    expect(plainLine('a\nb\r\nc\u2028d\u2029e\u0085f\tg\vh', 100)).toBe('a b c d e f g h');
  });

  it('drops bidi overrides and zero-width characters, which change what a reader sees', () => {
    expect(plainLine('lodash\u202Egnp.exe\u202C o\u200Bsv\u200D.dev\uFEFF', 100)).toBe('lodashgnp.exe osv.dev');
  });

  it('cuts a long value to the limit, ending in an ellipsis', () => {
    const line = plainLine('x'.repeat(10_000), 50);
    expect(Array.from(line)).toHaveLength(50);
    expect(line.endsWith('…')).toBe(true);
  });

  it('never splits a character made of two UTF-16 units', () => {
    expect(ellipsize('😀'.repeat(10), 4)).toBe('😀😀😀…');
  });
});
