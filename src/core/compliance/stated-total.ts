import { statedValues } from '../agreement/figure.ts';
import type { ProvisionOf } from '../agreement/types.ts';
import type { StatedValue } from '../plan/types.ts';
import { type Arg, list, num, type Phrase, phrase, quote } from '../words/phrase.ts';

type Side = ProvisionOf<'exchange'>['release'] | ProvisionOf<'exchange'>['counterpart'];

/**
 * The total the agreement states for one side of an exchange, each value with its source and ⚠:
 * the side's `total`, else the `count` of its one category. Shown beside what the ratio or the
 * batches give, never in their place. Empty when the agreement states none.
 */
export function statedTotal(side: Side): StatedValue[] {
  const one = side.categories?.length === 1 ? side.categories[0] : undefined;
  const figure = side.total ?? one?.count;
  if (figure === undefined) return [];
  const owner = side.total !== undefined ? side : one!;
  // A plain number takes the provenance of what states it (the side, or its category).
  if (typeof figure === 'number')
    return [
      {
        value: figure,
        ...('source' in owner && typeof owner.source === 'string' ? { source: owner.source } : {}),
        ...(owner.uncertain ? { uncertain: true } : {}),
      },
    ];
  return statedValues(figure);
}

/** The stated total as a phrase argument: "⚠ 360 (source)", several values joined by "or". */
export function statedTotalArg(values: StatedValue[]): Arg {
  return list(
    values.map((v) => {
      const value: Arg = v.source
        ? phrase('stated.source', { value: num(v.value), source: quote(v.source) })
        : num(v.value);
      return v.uncertain ? phrase('stated.uncertain', { value }) : value;
    }),
    'or',
  );
}

/**
 * The stated total beside the figure the ratio gives for the whole side, when a stated value differs
 * from it: "420 by the ratio in all, total stated in the agreement: ⚠ 360 (source)". None when
 * none is stated or every stated value equals it. Without a figure by the ratio, a stated total is
 * always said.
 */
export function statedBeside(values: StatedValue[] | undefined, byRatio: number | undefined): Phrase[] {
  if (!values?.length || values.every((v) => v.value === byRatio)) return [];
  const stated = statedTotalArg(values);
  return [
    byRatio === undefined
      ? phrase('ratio.stated-total-only', { stated })
      : phrase('ratio.stated-total', { byRatio: num(byRatio), stated }),
  ];
}

/**
 * The one number the agreement states for a side: the ratio's figure for it in all, else its stated
 * total when every source states the same; undefined when it states none, or several that differ.
 */
export function statedNumber(side: {
  byRatio?: number;
  statedTotal?: { value: number }[];
}): number | undefined {
  if (side.byRatio !== undefined) return side.byRatio;
  const values = [...new Set((side.statedTotal ?? []).map((v) => v.value))];
  return values.length === 1 ? values[0] : undefined;
}
