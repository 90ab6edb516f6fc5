import type { Agreement } from '../../../src/core/agreement/types.ts';

type Category = Extract<
  Agreement['provisions'][number],
  { kind: 'exchange' }
>['release']['categories'][number];

/**
 * The categories a party hands over under an exchange provision when they are remains (the checker
 * never lets a side mix remains with the living), else null: a headline tile then says "Returned
 * by … (Remains of deceased hostages)", not "Released by … (hostages)", so that it is not read as
 * a second count of people released.
 */
export function returnedRemains(agreement: Agreement, provision: string, by: string): Category[] | null {
  const p = agreement.provisions.find((x) => x.id === provision);
  if (p?.kind !== 'exchange') return null;
  const side =
    p.release.party === by
      ? p.release.categories
      : p.counterpart.party === by
        ? (p.counterpart.categories ?? [])
        : [];
  return side.length > 0 && side.every((c) => c.remains) ? side : null;
}
