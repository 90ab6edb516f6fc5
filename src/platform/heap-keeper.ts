import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps the heap of a long task near what it holds. V8 lets both generations grow to several
 * times what is live before it collects (a verify of a million events grew to 2 GB, mostly
 * garbage): this stops the young generation from growing past its first size (V8 reads
 * --semi-space-growth-factor as it grows the space, so it can be set now), and collects the
 * whole heap whenever it has grown by half since the last collection, never below `floorMb`
 * (verify's main thread holds some 20 MB: it collects at 32 MB, where doubling waited for 40). Call the
 * returned function now and then (say every thousand events); it costs nothing between
 * collections. Where V8 refuses the flags, it does nothing.
 */
export function heapKeeper(floorMb = 32): () => void {
  let gc: (() => void) | undefined;
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  } catch {
    return () => {};
  }
  const floor = floorMb * 2 ** 20;
  let next = floor;
  // V8's own figure, some 2 µs a call: process.memoryUsage() also reads the resident size from
  // the system, some 40 µs (1.5% of the samples of verify's main thread at a million events).
  const used = () => getHeapStatistics().used_heap_size;
  return () => {
    if (used() < next) return;
    gc!();
    next = Math.max(floor, 1.5 * used());
  };
}
