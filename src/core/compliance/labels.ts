import type { Agreement } from '../agreement/types.ts';
import { namesOf } from '../words/agreement-names.ts';
import type { Lang } from '../words/lang.ts';
import type { Arg } from '../words/phrase.ts';
import type { Names } from '../words/render.ts';
import type { LoggedEvent } from './types.ts';

/** An actor as an actor.registered event names it. */
export interface Registration {
  actor: string;
  name?: string;
  party?: string;
}

/**
 * How explanations name what they speak of: a party by its name in the agreement, an actor by the
 * party it acts for (else the name it was registered with), a provision by its title, a quota line
 * or an exchange category by its label. Each falls back to the id when the agreement gives no name.
 */
export interface Labels extends Names {
  actor(id: string): string;
  /** An actor as a phrase parameter: the party it acts for, else the name it registered with. */
  actorArg(id: string): Arg;
}

/**
 * The labels of an agreement and of the actors registered in its log (the last registration wins),
 * in `lang` where the agreement gives that language (else in English).
 */
export function labelsOf(
  agreement: Agreement,
  registrations: Iterable<Registration> = [],
  lang: Lang = 'en',
): Labels {
  const names = namesOf(agreement, lang);
  const parties = new Set(agreement.parties.map((p) => p.id));
  const actors = new Map<string, Registration>();
  for (const r of registrations) actors.set(r.actor, r);
  return {
    ...names,
    actor(id) {
      const r = actors.get(id);
      if (r?.party !== undefined && parties.has(r.party)) return names.party(r.party);
      return r?.name ?? names.party(id);
    },
    actorArg(id) {
      const r = actors.get(id);
      if (r?.party !== undefined && parties.has(r.party)) return { type: 'actor', id, party: r.party };
      return r?.name !== undefined ? { type: 'actor', id, name: r.name } : { type: 'actor', id };
    },
  };
}

/** The actor registrations of a log, in log order. */
export function registrationsIn(events: readonly LoggedEvent[]): Registration[] {
  return events
    .filter((e) => e.event.event.kind === 'actor.registered')
    .map((e) => e.event.event.body as unknown as Registration);
}
