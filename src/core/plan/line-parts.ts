import { figureRange } from '../agreement/figure.ts';
import type { Figure } from '../agreement/types.ts';
import { type Line, line, num, provisionRef, qty } from '../lines/line.ts';
import type { Obligation } from './types.ts';

/**
 * An amount of a line: a figure's value, or the range its sources state (who says which is in
 * `figures`), a floor when `atLeast`.
 */
export function amountOf(figure: Figure, unit: string, atLeast?: boolean): Line {
  const [lo, hi] = figureRange(figure);
  return rangeAmount(lo, hi, unit, atLeast);
}

export function rangeAmount(lo: number, hi: number, unit: string, atLeast?: boolean): Line {
  if (lo !== hi) return line('amount.range', { min: num(lo), max: qty(hi, unit) });
  return atLeast ? line('amount.at-least', { n: qty(lo, unit) }) : line('amount.exact', { n: qty(lo, unit) });
}

/** "72 h after the pullback": a deadline counted from another term. */
export function hoursAfter(r: NonNullable<Obligation['relativeTo']>): Line {
  const hours = qty(r.hours, 'hour');
  if (r.provision) return line('when.hours-after', { hours, after: provisionRef(r.provision) });
  if (r.phase) return line('when.hours-after', { hours, after: { type: 'phase', id: r.phase } });
  return line('when.hours-after-start', { hours });
}
