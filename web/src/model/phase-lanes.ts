/**
 * The row each phase of the timeline is drawn in: phases that share a day (an open ceasefire and a
 * 60-day withdrawal period beside it; two rounds of talks running at once) go in rows of their own,
 * so that no bar hides another; phases one after the other share the first row. Greedy, in the
 * order of their first day: each goes in the first row whose last phase ended before it starts.
 */
export function phaseLanes(phases: readonly { id: string; fromDay: number; toDay: number }[]): {
  lanes: Map<string, number>;
  count: number;
} {
  const ends: number[] = [];
  const lanes = new Map<string, number>();
  // Stable: phases that start on one day keep the agreement's order (the first listed on top).
  const order = [...phases].sort((a, b) => a.fromDay - b.fromDay);
  for (const p of order) {
    let lane = ends.findIndex((end) => end < p.fromDay);
    if (lane === -1) lane = ends.length;
    ends[lane] = p.toDay;
    lanes.set(p.id, lane);
  }
  return { lanes, count: Math.max(1, ends.length) };
}
