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

/** A scale of agreement days 1..lastDay onto `range`. */
export function dayScale(lastDay: number, range: [number, number]): (day: number) => number {
  const [r0, r1] = range;
  const span = Math.max(1, lastDay - 1);
  return (day) => r0 + ((day - 1) / span) * (r1 - r0);
}

/** An SVG path through the points as a step line (a cumulative count stays flat until the next day). */
export function stepPath(points: { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  let d = `M${round(points[0]!.x)},${round(points[0]!.y)}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    d += `H${round(p.x)}V${round(p.y)}`;
  }
  return d;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
