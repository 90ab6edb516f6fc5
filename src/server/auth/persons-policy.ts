import { DEFAULT_DISCLOSURE, type Disclosure } from '../../core/agreement/schema/disclosure.ts';
import type { SignedEvent } from '../../core/ledger/event.ts';
import type { Principal } from './principal.ts';

/** What the log says of one person's commitment: who listed it, whether it was handed over and confirmed. */
export interface PersonReferences {
  /** The parties whose actors submitted a list naming it (lists of actors acting for no party are not counted). */
  listedBy: Set<string>;
  /** Whether a list naming it was accepted, by a mediator or by a party other than the one that listed it: it is then on the intermediary's manifest. */
  accepted: boolean;
  /** The intermediaries (actor ids) a handover of it went through, once it was on an accepted list. */
  handedVia: Set<string>;
  /** Whether the intermediary a handover of it went through confirmed it, once it was on an accepted list: the embargo on its names ends. */
  confirmed: boolean;
}

/** Why a record is shown to the caller; absent when it is not. */
export type Visibility = 'role' | 'own' | 'submitted-to-you' | 'manifest' | 'confirmed';

/** A list of persons as the log holds it, with its acceptance. */
export interface ListEntry {
  leafHash: string;
  index: number;
  actor: string;
  party: string | null;
  provision: string;
  batch: number;
  count: number;
  persons: string[];
  /** The index of the event that accepted it, or null. */
  acceptedAt: number | null;
}

export interface PersonIndex {
  references: Map<string, PersonReferences>;
  lists: ListEntry[];
  /** The list with this leaf hash, found at once. */
  list(leafHash: string): ListEntry | undefined;
  /** The commitments listed by each party. */
  listedByParty: Map<string, Set<string>>;
  /** The commitments on an accepted list. */
  accepted: Set<string>;
  /** The commitments handed over through each intermediary. */
  handedVia: Map<string, Set<string>>;
  /** The commitments whose handover was confirmed. */
  confirmed: Set<string>;
}

interface Indexed {
  index: number;
  leafHash: string;
  event: SignedEvent;
}

const blank = (): PersonReferences => ({
  listedBy: new Set(),
  accepted: false,
  handedVia: new Set(),
  confirmed: false,
});

/** A person index fed a log's events in order, each once: `next` is the index of the event it takes next. */
export interface PersonIndexer {
  readonly next: number;
  /** Takes events in log order; events it has already taken are passed over. */
  apply(entries: Iterable<Indexed>): void;
  index(): PersonIndex;
}

/** Reads a whole log for the persons policy (see personIndexer). */
export function indexPersons(entries: Iterable<Indexed>): PersonIndex {
  const indexer = personIndexer();
  indexer.apply(entries);
  return indexer.index();
}

/**
 * Whom a handover went through: its `via`, and its `to` when it hands the persons to an
 * intermediary itself. Only an intermediary named so may confirm it.
 */
export function throughOf(
  body: Record<string, unknown>,
  isIntermediary: (actor: string) => boolean,
): string[] {
  const through = typeof body.via === 'string' ? [body.via] : [];
  if (typeof body.to === 'string' && body.to !== body.via && isIntermediary(body.to)) through.push(body.to);
  return through;
}

const addTo = (map: Map<string, Set<string>>, key: string, value: string) => {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
};

/**
 * Reads a log for the persons policy: for each commitment, the lists and handovers naming it. The
 * policy cannot be gamed by what an actor records about itself:
 * - a list counts as submitted by a party only when its actor acts for that party;
 * - a list is accepted by a mediator, or by a party other than the one that submitted it (a
 *   party accepting its own list accepts nothing);
 * - a handover puts on its intermediary's manifest, and a confirmation ends the embargo of, only
 *   persons on an accepted list; and an intermediary confirms only a handover made through it
 *   (`via`, or `to` when handed to it, names it). A confirmation names its persons (those of its handover only) or, when it
 *   names none, takes those of the handover it confirms.
 */
export function personIndexer(): PersonIndexer {
  let next = 0;
  const references = new Map<string, PersonReferences>();
  const partyOf = new Map<string, string | null>();
  const roleOf = new Map<string, string>();
  const lists = new Map<string, ListEntry>();
  const handovers = new Map<string, { persons: string[]; through: string[] }>();
  const listedByParty = new Map<string, Set<string>>();
  const accepted = new Set<string>();
  const handedVia = new Map<string, Set<string>>();
  const confirmed = new Set<string>();
  const refs = (c: string) => {
    const known = references.get(c);
    if (known) return known;
    const r = blank();
    references.set(c, r);
    return r;
  };
  const take = ({ index, leafHash, event }: Indexed) => {
    const { kind, actor } = event.event;
    const body = event.event.body as Record<string, unknown>;
    const persons = Array.isArray(body.persons) ? (body.persons as string[]) : [];
    if (kind === 'actor.registered') {
      partyOf.set(String(body.actor), typeof body.party === 'string' ? body.party : null);
      roleOf.set(String(body.actor), String(body.role));
    } else if (kind === 'list.submitted') {
      const party = partyOf.get(actor) ?? null;
      if (party !== null) {
        for (const c of persons) {
          refs(c).listedBy.add(party);
          addTo(listedByParty, party, c);
        }
      }
      lists.set(leafHash, {
        leafHash,
        index,
        actor,
        party,
        provision: String(body.provision),
        batch: Number(body.batch),
        count: Number(body.count),
        persons,
        acceptedAt: null,
      });
    } else if (kind === 'list.accepted') {
      const list = lists.get(String(body.list));
      const byMediator = roleOf.get(actor) === 'mediator';
      const acceptor = partyOf.get(actor) ?? null;
      const byOtherParty = roleOf.get(actor) === 'party' && acceptor !== null && acceptor !== list?.party;
      if (list && list.acceptedAt === null && (byMediator || byOtherParty)) {
        list.acceptedAt = index;
        for (const c of list.persons) {
          refs(c).accepted = true;
          accepted.add(c);
        }
      }
    } else if (kind === 'handover.completed') {
      const through = throughOf(body, (a) => roleOf.get(a) === 'intermediary');
      handovers.set(leafHash, { persons, through });
      for (const via of through) {
        for (const c of persons) {
          if (!accepted.has(c)) continue;
          refs(c).handedVia.add(via);
          addTo(handedVia, via, c);
        }
      }
    } else if (kind === 'handover.confirmed') {
      const handover = handovers.get(String(body.handover));
      if (!handover?.through.includes(actor)) return;
      const named = persons.length ? persons.filter((c) => handover.persons.includes(c)) : handover.persons;
      for (const c of named) {
        if (!accepted.has(c)) continue;
        refs(c).confirmed = true;
        confirmed.add(c);
      }
    }
  };
  return {
    get next() {
      return next;
    },
    apply(entries) {
      for (const e of entries) {
        if (e.index < next) continue;
        take(e);
        next = e.index + 1;
      }
    },
    index: () => ({
      references,
      lists: [...lists.values()],
      list: (leafHash) => lists.get(leafHash),
      listedByParty,
      accepted,
      handedVia,
      confirmed,
    }),
  };
}

/** The record's owner, as the persons store keeps it. */
export interface RecordMeta {
  party: string | null;
  addedBy: string | null;
}

/**
 * Whether, and why, `who` may see a person's record, under the agreement's `disclosure`:
 * - operator and mediator: every record of their log;
 * - a party: the records it added; the other side's once that side listed them (counterpart:
 *   on-list) or once their handover is confirmed (on-confirmation); before that they stay embargoed;
 * - the intermediary: the records on its manifests (accepted lists, handovers through it);
 * - a monitor: records whose handover was confirmed, unless the agreement says never;
 * - the public: none, ever.
 */
export function personVisibility(
  who: Principal,
  meta: RecordMeta,
  refs: PersonReferences | undefined,
  disclosure: Disclosure = DEFAULT_DISCLOSURE,
): Visibility | undefined {
  const r = refs ?? blank();
  switch (who.role) {
    case 'operator':
    case 'mediator':
      return 'role';
    case 'party': {
      const mine = who.party ?? who.actor;
      if (mine !== null && (meta.party === mine || (meta.party === null && meta.addedBy === who.actor)))
        return 'own';
      // A list discloses the lister's own records only: what it names of others discloses nothing.
      if (
        disclosure.counterpart === 'on-list' &&
        meta.party !== null &&
        meta.party !== mine &&
        r.listedBy.has(meta.party)
      )
        return 'submitted-to-you';
      return r.confirmed ? 'confirmed' : undefined;
    }
    case 'intermediary':
      if (r.accepted || (who.actor !== null && r.handedVia.has(who.actor))) return 'manifest';
      return r.confirmed ? 'confirmed' : undefined;
    case 'monitor':
      return r.confirmed && disclosure.monitors === 'on-confirmation' ? 'confirmed' : undefined;
    default:
      return undefined;
  }
}

/**
 * The commitments besides its own records that `who` may see, from the index alone: what a
 * request reads records of (by commitment), so that no request reads every record of the log.
 * Undefined for the roles that see every record (operator, mediator).
 */
export function candidateCommitments(
  who: Principal,
  index: PersonIndex,
  disclosure: Disclosure = DEFAULT_DISCLOSURE,
): Set<string> | undefined {
  const out = new Set<string>();
  const add = (set: Iterable<string> | undefined) => {
    for (const c of set ?? []) out.add(c);
  };
  switch (who.role) {
    case 'operator':
    case 'mediator':
      return undefined;
    case 'party': {
      const mine = who.party ?? who.actor;
      if (disclosure.counterpart === 'on-list')
        for (const [party, listed] of index.listedByParty) if (party !== mine) add(listed);
      add(index.confirmed);
      return out;
    }
    case 'intermediary':
      add(index.accepted);
      if (who.actor !== null) add(index.handedVia.get(who.actor));
      add(index.confirmed);
      return out;
    case 'monitor':
      if (disclosure.monitors === 'on-confirmation') add(index.confirmed);
      return out;
    default:
      return out;
  }
}
