import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { toHex } from '../crypto/crypto.ts';
import { LeafIndex } from './leaf-index.ts';

/** The leaf of position i: a SHA-256, as leaves are; every 50th shares its first bytes with the one before (probing). */
const leafOf = (i: number) => {
  const h = nodeCrypto.sha256(new TextEncoder().encode(`leaf ${i}`));
  if (i % 50 === 1) h.set(nodeCrypto.sha256(new TextEncoder().encode(`leaf ${i - 1}`)).subarray(0, 8));
  return h;
};

describe('LeafIndex', () => {
  it('finds every leaf added, past several growths, and nothing else', () => {
    const leaves: Uint8Array[] = [];
    const index = new LeafIndex((p) => leaves[p]!);
    for (let i = 0; i < 20_000; i++) {
      leaves.push(leafOf(i));
      index.add(i, leaves[i]!, i % 2 ? 'party-a' : 'monitor', i % 5 ? 'aid.delivered' : 'statement');
    }
    for (const i of [0, 1, 2, 51, 4095, 4096, 12_345, 19_999])
      expect(index.get(toHex(leafOf(i)))).toEqual({
        actor: i % 2 ? 'party-a' : 'monitor',
        kind: i % 5 ? 'aid.delivered' : 'statement',
      });
    expect(index.get(toHex(leafOf(20_000)))).toBeUndefined();
    expect(index.get('not hex')).toBeUndefined();
    expect(index.get(toHex(leafOf(7)).toUpperCase())).toBeUndefined();
    expect(index.get(`${toHex(leafOf(7))}00`)).toBeUndefined();
  });

  it('gives the later event for a leaf added twice, as a Map would', () => {
    const leaves = [leafOf(1), leafOf(1)];
    const index = new LeafIndex((p) => leaves[p]!, 2);
    index.add(0, leaves[0]!, 'monitor', 'aid.delivered');
    index.add(1, leaves[1]!, 'party-a', 'statement');
    expect(index.get(toHex(leafOf(1)))).toEqual({ actor: 'party-a', kind: 'statement' });
  });

  it('keeps every actor and kind as names pass 256 and 65,536 (its arrays widen)', () => {
    const n = 70_000;
    const leaves: Uint8Array[] = [];
    const index = new LeafIndex((p) => leaves[p]!, 16);
    for (let i = 0; i < n; i++) {
      leaves.push(leafOf(i));
      index.add(i, leaves[i]!, `actor-${i}`, i % 3 ? 'aid.delivered' : 'statement');
    }
    for (const i of [0, 1, 255, 256, 300, 65_535, 65_536, 69_999])
      expect(index.get(toHex(leafOf(i)))).toEqual({
        actor: `actor-${i}`,
        kind: i % 3 ? 'aid.delivered' : 'statement',
      });
  });
});
