/**
 * Whether a server's memory stayed flat over a window of per-second samples. A process's resident
 * memory saws up and down as its heaps are collected (on this machine, under the hostile load,
 * ±20 MiB a minute between 60 s windows of one steady run), so the trend is the Theil–Sen slope:
 * the median of the slopes between every two samples, which a few spikes do not move. Flat means
 * the growth that trend makes over the window is under a share of the memory held: memory given
 * back (a fall) is not growth.
 */

/** A sample: seconds since some start, and the resident memory then in MiB. */
export interface MemoryPoint {
  seconds: number;
  mib: number;
}

/** The Theil–Sen slope of the points, in MiB a minute (0 for fewer than two distinct instants). */
export function memoryTrend(points: readonly MemoryPoint[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const dt = points[j]!.seconds - points[i]!.seconds;
      if (dt !== 0) slopes.push(((points[j]!.mib - points[i]!.mib) / dt) * 60);
    }
  if (slopes.length === 0) return 0;
  slopes.sort((a, b) => a - b);
  const mid = slopes.length >> 1;
  return slopes.length % 2 ? slopes[mid]! : (slopes[mid - 1]! + slopes[mid]!) / 2;
}

/** The median of the points' memory, in MiB. */
export function medianMemory(points: readonly MemoryPoint[]): number {
  const xs = points.map((p) => p.mib).sort((a, b) => a - b);
  if (xs.length === 0) return 0;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** The share of the memory held that the growth over the window may reach and still be flat. */
export const FLAT_SHARE = 0.05;

/** How the memory moved over the window: its trend, the growth that makes over the window, and whether that is flat. */
export function memoryFlatness(points: readonly MemoryPoint[]): {
  mibPerMinute: number;
  growthMib: number;
  medianMib: number;
  flat: boolean;
} {
  const mibPerMinute = memoryTrend(points);
  const span = points.length ? points[points.length - 1]!.seconds - points[0]!.seconds : 0;
  const growthMib = (mibPerMinute * span) / 60;
  const medianMib = medianMemory(points);
  return { mibPerMinute, growthMib, medianMib, flat: growthMib < FLAT_SHARE * medianMib };
}
