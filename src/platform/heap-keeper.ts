import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps a long task's heap near what it holds: V8 lets garbage pile up to several times the live
 * heap before it collects (a verify of a million events grew to 2 GB of mostly garbage), so this
 * collects whenever the heap has doubled since the last collection, never below `floorMb`. Call
 * the returned function now and then (say every thousand events); it costs nothing between
 * collections. Without V8's gc function (it cannot be had), it does nothing.
 */
export function heapKeeper(floorMb = 32): () => void {
  let gc: (() => void) | undefined;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  } catch {
    return () => {};
  }
  const floor = floorMb * 2 ** 20;
  let next = floor;
  return () => {
    if (process.memoryUsage().heapUsed < next) return;
    gc!();
    next = Math.max(floor, 2 * process.memoryUsage().heapUsed);
  };
}
