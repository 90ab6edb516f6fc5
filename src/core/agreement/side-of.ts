import type { Agreement } from './types.ts';

/**
 * The side among `sides` that a party acts for: the party itself when it is one of them, else the
 * side the agreement puts it on (`side:` in its parties, followed as far as it goes: a group on the
 * side of a group on a side); undefined when it is on none of them. A group recorded as releasing or
 * receiving (the Saudi-led coalition, on the side of the Government of Yemen) counts for its side,
 * and is named as itself.
 */
export function sideOf(
  agreement: Pick<Agreement, 'parties'>,
  party: string,
  sides: readonly string[],
): string | undefined {
  const seen = new Set<string>();
  let id: string | undefined = party;
  while (id !== undefined && !seen.has(id)) {
    if (sides.includes(id)) return id;
    seen.add(id);
    const current: string = id;
    id = agreement.parties.find((p) => p.id === current)?.side;
  }
  return undefined;
}

/** The parties the agreement puts on one of `sides` (by `side:`, however far), not the sides themselves. */
export function partiesOnSides(agreement: Pick<Agreement, 'parties'>, sides: readonly string[]): string[] {
  return agreement.parties
    .filter((p) => !sides.includes(p.id) && sideOf(agreement, p.id, sides) !== undefined)
    .map((p) => p.id);
}
