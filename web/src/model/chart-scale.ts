/** A linear map from a domain of values to a range of pixels. */
export interface LinearScale {
  (value: number): number;
  domain: [number, number];
  range: [number, number];
  ticks: number[];
}

/** A round step (1, 2 or 5 × 10^k) giving about `count` ticks over `span`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return Math.max(1, nice * power);
}

/**
 * A scale from 0 to `max` rounded up to a nice step (integers only: counts of people and trucks),
 * mapped onto `range` (for an SVG y axis, [bottom, top]).
 */
export function countScale(max: number, range: [number, number], tickCount = 4): LinearScale {
  const step = niceStep(Math.max(max, 1), tickCount);
  const top = Math.max(step, Math.ceil(Math.max(max, 0) / step) * step);
  const [r0, r1] = range;
  const scale = ((value: number) => r0 + ((value - 0) / top) * (r1 - r0)) as LinearScale;
  scale.domain = [0, top];
  scale.range = range;
  scale.ticks = [];
  for (let v = 0; v <= top + step / 2; v += step) scale.ticks.push(v);
  return scale;
}

/**
 * A scale of agreement days onto `range`: day d occupies the interval (d − 1, d], so 0 is the start of
 * day 1 and `lastDay` the end of the last day; the middle of day d is at d − 0.5.
 */
export function dayScale(lastDay: number, range: [number, number]): (position: number) => number {
  const [r0, r1] = range;
  const span = Math.max(1, lastDay);
  return (position) => r0 + (position / span) * (r1 - r0);
}

/**
 * An SVG path of a cumulative count as steps: from 0 before day 1, the total of day d held over
 * the whole of day d. `points` are (day, value) in day order; `x` and `y` map them to pixels.
 */
export function cumulativePath(
  points: readonly { day: number; value: number }[],
  x: (position: number) => number,
  y: (value: number) => number,
): string {
  if (points.length === 0) return '';
  let d = `M${round(x(points[0]!.day - 1))},${round(y(0))}`;
  for (const p of points) d += `V${round(y(p.value))}H${round(x(p.day))}`;
  return d;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * An SVG path of a cumulative count with gaps: like `cumulativePath`, but a day whose value is null
 * (nothing on record) draws nothing, and the line starts again at the next recorded day. A series
 * with no recorded day gives ''.
 */
export function gappedPath(
  points: readonly { day: number; value: number | null }[],
  x: (position: number) => number,
  y: (value: number) => number,
): string {
  let d = '';
  let previous: number | null = null;
  for (const p of points) {
    if (p.value === null) {
      previous = null;
      continue;
    }
    d += previous === null ? `M${round(x(p.day - 1))},${round(y(p.value))}` : `V${round(y(p.value))}`;
    d += `H${round(x(p.day))}`;
    previous = p.value;
  }
  return d;
}
