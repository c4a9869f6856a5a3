import { createHash } from 'node:crypto';
import { canonicalJson, NotCanonicalError } from '../../src/audit/canonical-json.js';
import { GENESIS_HASH } from '../../src/audit/audit-entry.js';
import { hashEntry } from '../../src/audit/hash-entry.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: { y: 1, x: [true, null] }, a: 'é' })).toBe('{"a":"é","b":{"x":[true,null],"y":1}}');
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ '\u00e9': 1, z: 2, '\ud83d\ude00': 3, A: 4 })).toBe('{"A":4,"z":2,"é":1,"😀":3}');
  });

  it('writes numbers in their shortest round-trip form', () => {
    expect(canonicalJson([1.0, 0.1, -0, 1e21, 123456789012])).toBe('[1,0.1,0,1e+21,123456789012]');
  });

  it('leaves out undefined members, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('refuses values that have no JSON form', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(NotCanonicalError);
    expect(() => canonicalJson([Infinity])).toThrow(NotCanonicalError);
    expect(() => canonicalJson(() => 1)).toThrow(NotCanonicalError);
  });
});

describe('hashEntry', () => {
  it('is sha256 over the canonical JSON of the entry and the previous hash, as the README documents', () => {
    const entry = {
      seq: 1,
      time: '2026-11-26T04:22:00.000Z',
      type: 'token-created' as const,
      tracker: null,
      ticket: null,
      actor: 'cli',
      data: { tokenId: 't1', role: 'auditor' },
      prevHash: GENESIS_HASH,
    };
    const text = `{"actor":"cli","data":{"role":"auditor","tokenId":"t1"},"prevHash":"${GENESIS_HASH}","seq":1,"ticket":null,"time":"2026-11-26T04:22:00.000Z","tracker":null,"type":"token-created"}`;
    expect(hashEntry(entry)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
