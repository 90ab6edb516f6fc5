import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedList, isLazy, lazyArray } from './chunked-list.ts';
import { countedEvaluation } from './counted-evaluation.ts';
import { eachOnce, orderedUnion } from './ordered-hashes.ts';
import { isLazyHashes, lazyHashes, packEvidence, unpackEvidence } from './packed-evidence.ts';
import type { Evaluation } from './types.ts';

const hash = (n: number) => n.toString(16).padStart(64, '0');

/** Through structured clone, as a worker's answer crosses to the server's thread. */
function across<T>(packed: { value: T; hashes: Uint8Array }): T {
  const copy = structuredClone(packed, { transfer: [packed.hashes.buffer as ArrayBuffer] });
  return unpackEvidence(copy.value, copy.hashes);
}

describe('packEvidence and unpackEvidence', () => {
  it('give back the same value, as JSON and item by item', () => {
    const shared = [hash(1), hash(2)];
    const value = {
      provisions: [{ provision: 'aid', evidence: [hash(3), hash(4), hash(5)] }],
      obligations: [{ evidence: shared, figures: [{ source: 'x', evidence: shared }] }],
      exchanges: { directions: [{ evidence: [] as string[] }] },
      notes: { evidence: ['not a hash'] },
    };
    const before = JSON.stringify(value);
    const packed = packEvidence(value);
    expect(JSON.stringify(value)).toBe(before);
    expect(packed.hashes.length).toBe(5 * 32);
    const back = across(packed);
    expect(JSON.stringify(back)).toBe(before);
    expect(back).toEqual(value);
    // A list met twice is one list on arrival, as structured clone keeps it.
    expect(back.obligations[0]!.evidence).toBe(back.obligations[0]!.figures[0]!.evidence);
    // What is not a list of leaf hashes crosses as it is.
    expect(isLazyHashes(back.notes.evidence)).toBe(false);
    expect(isLazyHashes(back.exchanges.directions[0]!.evidence)).toBe(false);
    expect(isLazyHashes(back.provisions[0]!.evidence)).toBe(true);
  });

  it('packs a list met in an earlier result from what it packed then, and a list changed since afresh', () => {
    const list = [hash(7), hash(8), hash(9)];
    const first = packEvidence({ evidence: list });
    const again = packEvidence({ other: 1, evidence: list });
    expect(again.hashes).toEqual(first.hashes);
    expect(across(again).evidence).toEqual(list);
    // Lists handed out never change; were one to, its length or end says so.
    list.push(hash(10));
    expect(across(packEvidence({ evidence: list })).evidence).toEqual([hash(7), hash(8), hash(9), hash(10)]);
    list[0] = hash(1);
    list.pop();
    expect(across(packEvidence({ evidence: list })).evidence).toEqual([hash(1), hash(8), hash(9)]);
  });

  it("makes the live log's other lazy lists plain, so that structured clone takes them", () => {
    const phrases = lazyArray([['a', 'b'], ['c']], 3);
    const value = { allegations: phrases, evidence: [hash(1)] };
    expect(() => structuredClone(value)).toThrow();
    const back = across(packEvidence(value));
    expect(back.allegations).toEqual(['a', 'b', 'c']);
    expect(isLazy(back.allegations)).toBe(false);
  });

  it('packs every lower-case hex digit, and leaves a list with anything else in a hash as it is', () => {
    const digits = '0123456789abcdef'.repeat(4);
    const odd = (c: string) => `${c}${digits.slice(1)}`;
    const value = {
      packed: { evidence: [digits, hash(7)] },
      upper: { evidence: [digits.toUpperCase()] },
      // U+0130's low seven bits are those of "0": read by its code's low bits alone, it would pass.
      wide: { evidence: [odd('\u0130')] },
      other: { evidence: [odd('g')] },
      short: { evidence: [digits.slice(2)] },
    };
    const packed = packEvidence(value);
    expect(packed.hashes.length).toBe(2 * 32);
    expect(Array.from(packed.hashes.subarray(0, 8))).toEqual([
      0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
    ]);
    const back = across(packed);
    expect(back).toEqual(value);
    expect(isLazyHashes(back.packed.evidence)).toBe(true);
    for (const list of [back.upper, back.wide, back.other, back.short])
      expect(isLazyHashes(list.evidence)).toBe(false);
  });

  it("packs a live log's lists chunk by chunk, and a later version of a list, and a union joined from lists, the same as plain ones", () => {
    const list = new ChunkedList<string>();
    for (let i = 0; i < 3000; i++) list.push(hash(2 * i));
    const first = list.snapshot();
    const one = across(packEvidence({ evidence: first }));
    expect([...one.evidence]).toEqual([...first]);
    // One hash placed among the others: the next version shares every chunk but one.
    list.insert(11, hash(21));
    const second = list.snapshot();
    const two = across(packEvidence({ a: { evidence: first }, b: { evidence: second } }));
    expect([...two.a.evidence]).toEqual([...first]);
    expect([...two.b.evidence]).toEqual([...second]);
    const later = eachOnce(Array.from({ length: 50 }, (_, i) => hash(100_000 + i)));
    const union = orderedUnion([later, second], (x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const three = across(packEvidence({ evidence: union }));
    expect([...three.evidence]).toEqual([...second, ...later]);
    // A union one of whose lists is not leaf hashes crosses as it is, and takes nothing of the buffer.
    const odd = eachOnce(['zz', 'zzz']);
    const bad = orderedUnion([odd, later], (x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const packed = packEvidence({ x: { evidence: bad }, y: { evidence: later } });
    expect(packed.hashes.length).toBe(later.length * 32);
    expect(across(packed)).toEqual({ x: { evidence: [...bad] }, y: { evidence: later } });
  });

  it('round-trips any lists of hashes (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 1000 }), { maxLength: 40 }), { maxLength: 8 }), (lists) => {
        const value = { items: lists.map((l, i) => ({ i, evidence: l.map(hash) })) };
        expect(JSON.stringify(across(packEvidence(value)))).toBe(JSON.stringify(value));
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });
});

describe('lazyHashes', () => {
  const bytes = new Uint8Array(4 * 32);
  for (let i = 0; i < 4; i++) bytes[i * 32 + 31] = i + 1;

  it('is an array of its hashes to every reader, read from the buffer', () => {
    const list = lazyHashes(bytes, 1, 3);
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(3);
    expect(list[0]).toBe(hash(2));
    expect(list[3]).toBeUndefined();
    expect(list.slice(1)).toEqual([hash(3), hash(4)]);
    expect([...list]).toEqual([hash(2), hash(3), hash(4)]);
    expect(list.map((h) => h.slice(-1))).toEqual(['2', '3', '4']);
    expect(list.includes(hash(4))).toBe(true);
    expect(list.join(' ')).toBe(`${hash(2)} ${hash(3)} ${hash(4)}`);
    expect(JSON.stringify(list)).toBe(JSON.stringify([hash(2), hash(3), hash(4)]));
    expect(Object.keys(list)).toEqual(['0', '1', '2']);
    expect(1 in list).toBe(true);
    expect(3 in list).toBe(false);
  });

  it('cannot be changed', () => {
    const list = lazyHashes(bytes, 0, 2) as string[];
    expect(() => {
      list[0] = 'x';
    }).toThrow(TypeError);
    expect(() => list.push('x')).toThrow(TypeError);
    expect(list[0]).toBe(hash(1));
  });

  it('is counted by the status document without reading its hashes', () => {
    // A buffer that cannot be read (a typed array's methods refuse a Proxy): reading a hash throws.
    const unreadable = new Proxy(new Uint8Array(32 * 1_000_000), {});
    const list = lazyHashes(unreadable, 0, 1_000_000);
    expect(() => list[0]).toThrow(TypeError);
    const evaluation = {
      provisions: [{ provision: 'aid', evidence: list }],
      obligations: [],
      figures: [],
      allegations: [],
      exchanges: { directions: [] },
    } as unknown as Evaluation;
    // Counting does not read one.
    expect(countedEvaluation(evaluation).provisions[0]!.evidenceCount).toBe(1_000_000);
  });
});
