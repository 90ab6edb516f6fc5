import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './crypto.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('toHex', () => {
  it('writes each byte as two lower-case digits, and fromHex reads them back', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const hex = toHex(bytes);
    expect(hex).toHaveLength(512);
    expect(hex.slice(0, 8)).toBe('00010203');
    expect(hex.slice(-4)).toBe('feff');
    expect(fromHex(hex)).toEqual(bytes);
    expect(toHex(new Uint8Array())).toBe('');
  });

  // A log's evaluator keeps one leaf hash per event: built by `+=`, each was a rope of small strings
  // (some 1.3 KB), and a million events filled the judging worker's 2 GiB heap.
  it('gives flat strings: 20,000 leaf hashes kept hold a few hundred bytes each, not kilobytes', () => {
    const hashes: string[] = [];
    gc();
    const before = getHeapStatistics().used_heap_size;
    for (let i = 0; i < 20_000; i++) {
      const bytes = new Uint8Array(32);
      new DataView(bytes.buffer).setUint32(0, i);
      hashes.push(toHex(bytes));
    }
    gc();
    const perHash = (getHeapStatistics().used_heap_size - before) / hashes.length;
    expect(hashes[1]).toBe(`00000001${'0'.repeat(56)}`);
    expect(perHash).toBeLessThan(300);
  });
});
