import { figureRange } from '../agreement/figure.ts';
import type { Figure } from '../agreement/types.ts';
import { num, type Phrase, phrase, provisionRef, qty } from '../words/phrase.ts';
import type { Obligation } from './types.ts';

/**
 * An amount of a line: a figure's value, or the range its sources state (who says which is in
 * `figures`), a floor when `atLeast`.
 */
export function amountOf(figure: Figure, unit: string, atLeast?: boolean): Phrase {
  const [lo, hi] = figureRange(figure);
  return rangeAmount(lo, hi, unit, atLeast);
}

export function rangeAmount(lo: number, hi: number, unit: string, atLeast?: boolean): Phrase {
  if (lo !== hi) return phrase('amount.range', { min: num(lo), max: qty(hi, unit, lo) });
  return atLeast
    ? phrase('amount.at-least', { n: qty(lo, unit) })
    : phrase('amount.exact', { n: qty(lo, unit) });
}

/** "72 h after the pullback": a deadline counted from another term. */
export function hoursAfter(r: NonNullable<Obligation['relativeTo']>): Phrase {
  const hours = r.days !== undefined ? qty(r.days, 'day') : qty(r.hours, 'hour');
  if (r.provision) return phrase('when.hours-after', { hours, after: provisionRef(r.provision) });
  if (r.phase) return phrase('when.hours-after', { hours, after: { type: 'phase', id: r.phase } });
  return phrase('when.hours-after-start', { hours });
}
