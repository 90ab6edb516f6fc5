import type { Figure } from './types.ts';

/** One value of a figure with the source that states it (none for a plain number). */
export interface StatedFigure {
  value: number;
  source?: string;
  note?: string;
  uncertain?: boolean;
}

/** Every value a figure states, in the order the file gives them. */
export function statedValues(figure: Figure): StatedFigure[] {
  if (typeof figure === 'number') return [{ value: figure }];
  return figure.map((v) => ({
    value: v.value,
    source: v.source,
    ...(v.note ? { note: v.note } : {}),
    ...(v.uncertain ? { uncertain: true } : {}),
  }));
}

/** The lowest and the highest stated value: equal when the sources agree. */
export function figureRange(figure: Figure): [number, number] {
  const values = statedValues(figure).map((v) => v.value);
  return [Math.min(...values), Math.max(...values)];
}

/** True when sources state different values for the figure. */
export function isContested(figure: Figure | undefined): boolean {
  if (figure === undefined || typeof figure === 'number') return false;
  return new Set(figure.map((v) => v.value)).size > 1;
}

/** The figure's one value when it has one (all sources agree), else undefined. */
export function singleValue(figure: Figure | undefined): number | undefined {
  if (figure === undefined) return undefined;
  const [lo, hi] = figureRange(figure);
  return lo === hi ? lo : undefined;
}
