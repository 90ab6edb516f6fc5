import { namedTerms } from '../../../src/core/agreement/named-terms.ts';
import type { Agreement } from '../../../src/core/agreement/types.ts';

export type Localized = string | { en: string; ar?: string; he?: string };

/** What an id of an event body names: a party, a place (zone, crossing, destination, route), a provision, a category, a phase, an actor of the log. */
export type NameKind = 'party' | 'place' | 'provision' | 'category' | 'phase' | 'actor';

/** An actor as the log registered it (the API's log summary). */
export interface RegisteredActor {
  actor: string;
  name: string;
  party?: string | undefined;
}

/** The body fields whose values are ids of each kind. */
const FIELD_KIND: Record<string, NameKind> = {
  party: 'party',
  to: 'party',
  via: 'party',
  against: 'party',
  destination: 'place',
  crossing: 'place',
  zones: 'place',
  provision: 'provision',
  category: 'category',
  phase: 'phase',
  actor: 'actor',
};

/**
 * Every name an agreement gives in several scripts, by kind and id: parties, places found anywhere
 * in its provisions (objects with an id and a localized name), provision titles, category labels.
 */
export function agreementNames(
  agreement: Agreement,
  actors: readonly RegisteredActor[] = [],
): Map<string, Localized> {
  const names = new Map<string, Localized>();
  for (const p of agreement.parties) names.set(`party:${p.id}`, p.name);
  for (const ph of agreement.phases) if (ph.title) names.set(`phase:${ph.id}`, ph.title);
  // An actor by the party it acts for (in every language the agreement names it), else by the name
  // it was registered with, as given.
  for (const a of actors) {
    const party = a.party !== undefined ? names.get(`party:${a.party}`) : undefined;
    names.set(`actor:${a.actor}`, party ?? names.get(`party:${a.actor}`) ?? a.name);
  }
  for (const p of agreement.provisions) if (p.title) names.set(`provision:${p.id}`, p.title);
  for (const term of namedTerms(agreement)) {
    const key = `${term.kind === 'place' ? 'place' : 'category'}:${term.id}`;
    if (!names.has(key)) names.set(key, term.text);
  }
  return names;
}

/**
 * The value of a body field in words: ids of parties, places, provisions and categories replaced
 * by their names in the chosen language (`text`), lists joined; anything else as it is.
 */
export function nameField(
  names: Map<string, Localized>,
  field: string,
  value: string,
  text: (v: Localized) => string,
): string {
  const kind = FIELD_KIND[field];
  if (!kind) return value;
  // Lists are "a, b"; a mix of categories is "women+minors-under-19".
  return value
    .split(/(, |\+)/)
    .map((part) => {
      if (part === ', ' || part === '+') return part === '+' ? ' + ' : part;
      const n = names.get(`${kind}:${part}`);
      return n ? text(n) : part;
    })
    .join('');
}
