import type { Agreement } from '../agreement/types.ts';
import { returnedRemains } from './returned-remains.ts';

/** The label code of a release whose side hands over remains: "Remains returned", not "Release carried out". */
export const REMAINS_RETURNED = 'release.completed.remains';

/** Every category id of the agreement's exchange sides that hands over remains only. */
function remainsCategories(agreement: Agreement): Set<string> {
  const ids = new Set<string>();
  for (const p of agreement.provisions)
    if (p.kind === 'exchange')
      for (const side of [p.release, p.counterpart]) {
        const of = returnedRemains(agreement, p.id, side.party);
        if (of) for (const c of of) ids.add(c);
      }
  return ids;
}

/**
 * The code a reader's words name an event by: its kind, except a release of remains, named by
 * REMAINS_RETURNED (core's returnedRemains: remains are returned, not released). A release is of
 * remains when its provision's side for that party hands over remains, or, with no provision named,
 * when every category it names is a category of remains. Without the agreement, the kind.
 */
export function eventKindLabel(
  agreement: Agreement | null | undefined,
  kind: string,
  body: Readonly<Record<string, unknown>>,
): string {
  if (kind !== 'release.completed' || !agreement) return kind;
  const party = typeof body.party === 'string' ? body.party : undefined;
  if (typeof body.provision === 'string' && party !== undefined)
    return returnedRemains(agreement, body.provision, party) ? REMAINS_RETURNED : kind;
  const named = [
    ...(typeof body.category === 'string' ? [body.category] : []),
    ...(body.categories && typeof body.categories === 'object' ? Object.keys(body.categories) : []),
  ];
  const remains = remainsCategories(agreement);
  return named.length && named.every((c) => remains.has(c)) ? REMAINS_RETURNED : kind;
}
