import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalize } from './canonical-json.ts';
import { LedgerError } from './ledger-error.ts';

describe('canonicalize (RFC 8785)', () => {
  it('sorts members by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the values in written order (JSON.parse would move the integer-like key "1" first).
    const values = [...canonicalize(value).matchAll(/:"([^"]*)"/g)].map((m) => m[1]);
    expect(values).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it('serialises numbers as ECMAScript does (RFC 8785 appendix B)', () => {
    expect(canonicalize([0, -0, 1e21, 1e-7, 333333333.3333333, 4.5, 0.002, 1e23, 9007199254740991])).toBe(
      '[0,0,1e+21,1e-7,333333333.3333333,4.5,0.002,1e+23,9007199254740991]',
    );
  });

  it('escapes strings as RFC 8785 §3.2.2.2 does', () => {
    expect(canonicalize({ s: '\u20ac$\u000f\nA\'B"\\\\"/' })).toBe('{"s":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('gives the RFC 8785 §3.2.4 example output', () => {
    const input = {
      numbers: [333333333.3333333, 1e30, 4.5, 0.002, 1e-27],
      string: '\u20ac$\u000f\nA\'B"\\\\"/',
      literals: [null, true, false],
    };
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('writes a value whose members are in order already (in one call of the engine) as it writes it in any other order', () => {
    /** The value with every object's members in reverse order: written member by member. */
    const reversed = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversed)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversed(x)]),
            )
          : v;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalize(reversed(value));
        // Parsed back, its members are in RFC 8785 order (but names like "9" and "10").
        expect(canonicalize(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 8785, numRuns: 500 },
    );
    // Names that look like indexes: JSON.parse puts them first, in numeric order.
    expect(canonicalize(JSON.parse('{"1":0,"10":1,"9":2,"a":{"2":0,"b":1}}'))).toBe(
      '{"1":0,"10":1,"9":2,"a":{"2":0,"b":1}}',
    );
    // In order, but with a string or a name that JSON.stringify escapes, or a lone surrogate.
    expect(canonicalize({ a: '\u000f', b: ['\u2028'] })).toBe('{"a":"\\u000f","b":["\u2028"]}');
    expect(() => canonicalize({ a: ['\udc00'] })).toThrow(
      expect.objectContaining({ code: 'json-not-canonicalizable' }),
    );
    const deep: unknown[] = [];
    let at = deep;
    for (let i = 0; i < 40; i++) {
      const inner: unknown[] = [];
      at.push(inner);
      at = inner;
    }
    expect(canonicalize(deep)).toBe(`${'['.repeat(41)}${']'.repeat(41)}`);
    expect(canonicalize(Object.assign(Object.create(null), { a: 1, b: [true, null] }))).toBe(
      '{"a":1,"b":[true,null]}',
    );
  });

  it('refuses what is not I-JSON data', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '\ud800', { '\udc00': 1 }, new Date(0), 1n]) {
      expect(() => canonicalize({ bad })).toThrow(LedgerError);
    }
  });

  it('refuses undefined and holes in arrays, and cycles; leaves out undefined members', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the test
    for (const bad of [[1, undefined], [1, , 3], cyclic, undefined, () => 1, Symbol('s')]) {
      expect(() => canonicalize(bad)).toThrow(expect.objectContaining({ code: 'json-not-canonicalizable' }));
    }
    expect(canonicalize({ b: undefined, a: 1 })).toBe('{"a":1}');
    const shared = { x: 1 };
    expect(canonicalize({ p: shared, q: [shared] })).toBe('{"p":{"x":1},"q":[{"x":1}]}');
  });

  it('names where the value it refuses is', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { up: cyclic };
    const cases: [unknown, string][] = [
      [{ a: [1, { b: Number.NaN }] }, '$.a[1].b: NaN is not a JSON number'],
      [{ a: { s: ['ok', 'x\ud800'] } }, '$.a.s[1]: a string holds a lone UTF-16 surrogate'],
      [{ a: { '\udc00': 1 } }, '$.a: a property name holds a lone UTF-16 surrogate'],
      [{ a: [[0, undefined]] }, '$.a[0][1]: an array element is undefined or missing'],
      [cyclic, '$.self.up: the value contains itself (a cycle)'],
      [{ d: [new Date(0)] }, '$.d[0]: a Date is not JSON data'],
      [1n, '$: a bigint is not JSON data'],
    ];
    for (const [value, message] of cases)
      expect(() => canonicalize(value)).toThrow(`Cannot canonicalize ${message}.`);
    // An escaped backslash before a "u" is no surrogate.
    expect(canonicalize({ s: '\\ud800' })).toBe('{"s":"\\\\ud800"}');
  });

  it('gives the UTF-8 bytes of the canonical text', () => {
    expect(canonicalBytes({ é: 'א' })).toEqual(
      new Uint8Array([0x7b, 0x22, 0xc3, 0xa9, 0x22, 0x3a, 0x22, 0xd7, 0x90, 0x22, 0x7d]),
    );
  });

  it('is idempotent and independent of member order (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = canonicalize(v);
        expect(canonicalize(JSON.parse(c))).toBe(c);
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          const reversed = Object.fromEntries(Object.entries(v).reverse());
          expect(canonicalize(reversed)).toBe(c);
        }
      }),
    );
  });
});
