import { describe, expect, it } from '@jest/globals';
import { isListedAttacher } from '../../src/evidence/attachment-vouchers.js';

describe('isListedAttacher', () => {
  it('accepts an account listed with its own tracker prefix', () => {
    expect(isListedAttacher('jira', '5b10ac8d82e05b22cc7d4ef5', ['jira:5b10ac8d82e05b22cc7d4ef5'])).toBe(true);
    expect(isListedAttacher('linear', 'a1b2c3d4-0000-4000-8000-000000000001', ['linear:a1b2c3d4-0000-4000-8000-000000000001'])).toBe(true);
  });

  it('accepts an account listed by its bare id on either tracker', () => {
    expect(isListedAttacher('jira', '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', ['557058:f58131cb-b67d-43c7-b30d-6b58d40bd077'])).toBe(true);
    expect(isListedAttacher('linear', 'a1b2', ['a1b2'])).toBe(true);
  });

  it("refuses an account listed only under the other tracker's prefix", () => {
    expect(isListedAttacher('linear', 'shared-id', ['jira:shared-id'])).toBe(false);
  });

  it('refuses an attachment whose tracker did not say who attached it, whatever the list holds', () => {
    expect(isListedAttacher('jira', undefined, ['jira:', ''])).toBe(false);
    expect(isListedAttacher('jira', '', ['jira:', ''])).toBe(false);
  });

  it('refuses everyone when the list is empty (the default)', () => {
    expect(isListedAttacher('jira', 'alice-acc', [])).toBe(false);
  });
});
