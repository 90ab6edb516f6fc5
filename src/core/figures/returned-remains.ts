import { sideOf } from '../agreement/side-of.ts';
import type { Agreement } from '../agreement/types.ts';
import { sideUnit } from '../plan/exchange-obligations.ts';

/**
 * The categories a party hands over under an exchange provision when every one of them is remains
 * (the checker never lets a side mix remains with the living), in the agreement's order; null for
 * living persons, for a party that is not a side of the provision, and for any other provision.
 *
 * What such a side hands over is returned, not released: the headline says "Returned by Hamas
 * (Remains of deceased hostages)", never "Released by Hamas", which a reader takes for a second
 * count of people set free. One rule for the dashboard, the report, the CLI and the API.
 */
export function returnedRemains(agreement: Agreement, provision: string, party: string): string[] | null {
  const p = agreement.provisions.find((x) => x.id === provision);
  if (p?.kind !== 'exchange') return null;
  // A group the agreement puts on a side hands over what its side does.
  const onSide = sideOf(agreement, party, [p.release.party, p.counterpart.party]);
  const side =
    p.release.party === onSide
      ? p.release.categories
      : p.counterpart.party === onSide
        ? p.counterpart.categories
        : undefined;
  return side && sideUnit(side) === 'remains' ? side.map((c) => c.id) : null;
}
