import type { Path } from './agreement-error.ts';
import type { CheckContext } from './check-context.ts';
import { namedTerms } from './named-terms.ts';
import type { Provision } from './types.ts';

/**
 * The ids the agreement names as places, in its own words in each language: its `places`, any
 * place a provision lists with its name (a zone withdrawn from, a crossing, a route, a
 * destination), and its parties (a destination may be a party's territory).
 */
function namedPlaces(ctx: CheckContext): Set<string> {
  return new Set([
    ...ctx.parties.keys(),
    ...namedTerms(ctx.agreement)
      .filter((t) => t.kind === 'place')
      .map((t) => t.id),
  ]);
}

/** The places a provision refers to by id alone, with where and what they are. */
function placeRefs(p: Provision, path: Path): { id: string; at: Path; what: string }[] {
  const out: { id: string; at: Path; what: string }[] = [];
  if (p.kind === 'aid') {
    for (const key of ['perDay', 'extra'] as const) {
      p[key]?.forEach((q, j) => {
        if (q.destination)
          out.push({ id: q.destination, at: [...path, key, j, 'destination'], what: 'The destination' });
      });
    }
  }
  if (p.kind === 'displaced-return' && p.to)
    out.push({ id: p.to, at: [...path, 'to'], what: 'The place returned to' });
  if ('limits' in p)
    p.limits?.forEach((l, j) => {
      if (l.zone) out.push({ id: l.zone, at: [...path, 'limits', j, 'zone'], what: 'The zone' });
    });
  return out;
}

/**
 * A place referred to by id and named nowhere is shown as its id in every language ("north" on an
 * Arabic page): a warning, with where to name it.
 */
export function checkPlaces(ctx: CheckContext): void {
  const named = namedPlaces(ctx);
  ctx.agreement.provisions.forEach((p, i) => {
    for (const ref of placeRefs(p, ['provisions', i])) {
      if (named.has(ref.id)) continue;
      ctx.report(
        'unnamed-place',
        `${ref.what} "${ref.id}" is not named anywhere in the agreement, so readers see "${ref.id}" in every language. Name it under places: - id: ${ref.id}, with name: { en: …, ar: …, he: … }.`,
        ref.at,
        {
          warning: true,
          expected: 'a place named under places (or a zone, crossing or route of a provision)',
        },
      );
    }
  });
}
