import { referencesOf } from '../ledger/check-event.ts';
import { allegationState, type RecordedBreach } from './act-status.ts';
import { allegationRecord } from './allegation-record.ts';
import { ChunkedList } from './chunked-list.ts';
import { grownIn } from './derived-once.ts';
import { compareEntries, type Entry, type LogState } from './log-state.ts';
import { eachOnce, mergeOrdered, OrderedHashes, onceAlready, settle } from './ordered-hashes.ts';
import { Reads } from './read-record.ts';
import type { Allegation, Dispute, Figure } from './types.ts';
import { type Effective, LogView, plainEffective, REFERRING } from './view.ts';

/** One source's figures in an aid group: their sum and evidence, kept as figures come and go. */
interface AidTally {
  records: number;
  quantity: number;
  /** Figures that are not whole numbers: the sum is then recomputed in the order of the records. */
  inexact: number;
  /** Figures given as approximate (`uncertain: true`): the sum then carries the ⚠. */
  approximate: number;
  evidence: OrderedHashes;
}

/**
 * The aid figures (their bodies in force) that count the same thing: same provision, day, period,
 * unit, category and destination. Whether a figure counts toward a quota depends only on these, so a
 * quota reads whole groups, never single figures.
 */
export interface AidGroup {
  /** What its figures count (see groupKey). */
  key: string;
  /** Its key among LiveLog's versions (built once: a joined string is hashed again at each lookup). */
  version: string;
  /** The figures in force, in the order they occurred. */
  records: Effective[];
  /** Every figure's evidence (the figure and the correction in force), in the order they occurred. */
  evidence: OrderedHashes;
  bySource: Map<string, AidTally>;
  /** Figures some event refers to (a dispute, a correction): the only ones that may carry disputes. */
  referred: Entry[];
  /** Figures whose correction also corrects another event: their evidence may repeat a hash. */
  sharedCorrections: number;
}

type AllegationStanding = ReturnType<typeof allegationState>;
/** The allegations against a provision by where they stand (see allegationsAgainst). */
type Sorted = { open: Dispute[]; breaches: RecordedBreach[]; unanswered: Entry[] };

function insertSorted<T>(list: T[], item: T, entryOf: (x: T) => Entry): void {
  const entry = entryOf(item);
  if (list.length === 0 || compareEntries(entryOf(list[list.length - 1]!), entry) < 0) {
    list.push(item);
    return;
  }
  list.splice(indexOf(list, entry, entryOf), 0, item);
}

/** The first index whose entry does not come before `entry`. */
function indexOf<T>(list: readonly T[], entry: Entry, entryOf: (x: T) => Entry): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareEntries(entryOf(list[mid]!), entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function removeSorted<T>(list: T[], entry: Entry, entryOf: (x: T) => Entry): void {
  const i = indexOf(list, entry, entryOf);
  if (i < list.length && entryOf(list[i]!) === entry) list.splice(i, 1);
}

const ofEffective = (r: Effective) => r.entry;
const ofEntry = (e: Entry) => e;

/** Keys of LiveLog's versions: the set of aid groups, and one group (its key follows). */
const AID_GROUPS = '(aid groups)';
const AID_GROUP = '(aid group)';
/** A key of LiveLog's versions: the allegations about one provision (its id follows). */
const ALLEGATIONS_ABOUT = '(allegations about)';

/** The fields that say what an aid figure counts, as one exact key (an absent field is not an empty one). */
export function groupKey(body: Record<string, unknown>): string {
  return (
    keyPart(body.provision) +
    keyPart(body.date) +
    keyPart(body.unit) +
    keyPart(body.category) +
    keyPart(body.destination) +
    keyPart(body.from)
  );
}

/** One field of a group's key, ended by a NUL: a string as it is when it holds no NUL (JSON never leaves one raw). */
function keyPart(v: unknown): string {
  if (v === undefined) return '-\u0000';
  if (typeof v === 'string' && !v.includes('\u0000')) return `"${v}\u0000`;
  return `=${JSON.stringify(v)}\u0000`;
}

/**
 * The log as it stands after every event applied so far, kept up to date event by event: each
 * event's body in force, aid figures summed per group and source, and each allegation with where it
 * stands. An event changes only what it touches: its own entry, and the entries it refers to (a
 * correction, a dispute or an answer retracts what they contributed and adds it again). A newly
 * registered actor can change who may correct what and who acts for whom: the tallies are then
 * built again from the state, once, when next read.
 *
 * It answers only for a moment at or after the last event (`lastAt`): the evaluator reads it then,
 * and evaluates from the indexed state for an earlier moment.
 */
export class LiveLog {
  private readonly state: LogState;
  private readonly timeZone: string;
  /** The instant of the latest event applied (epoch ms). */
  lastAt = Number.NEGATIVE_INFINITY;
  private stale = true;
  private view: LogView;
  /**
   * The bodies in force that are not an event's own (corrected, or withdrawn: null), by leaf hash.
   * An entry not here has its own body in force (plainEffective): a million such entries keep no map
   * entry of their own, which is most of what rebuilding the tallies would cost.
   */
  private readonly replaced = new Map<string, Effective | null>();
  private readonly currentByKind = new Map<string, Effective[]>();
  private readonly aid = new Map<string, AidGroup>();
  private readonly standing = new Map<string, AllegationStanding>();
  /** Every allegation's record, in the order they occurred (handed out whole in each result). */
  private allegationList = new ChunkedList<Allegation>();
  /** How many times the allegations about each provision changed: what `allegationsAgainst` keys on. */
  private readonly allegationVersion = new Map<string, number>();
  private readonly sorted = new Map<
    string,
    {
      provision: string;
      party: string | undefined;
      version: number;
      value: Sorted;
      /** The unanswered allegations, once one has joined their end (see appendUnanswered). */
      grown?: ChunkedList<Entry>;
    }
  >();
  readonly compareHashes: (a: string, b: string) => number;
  /** What the judgments under way read (see ReadRecord). */
  readonly reads = new Reads();
  /**
   * A number per kind of event that changes whenever an event of that kind is applied, or an event
   * that refers to one (a correction, a dispute, an answer changes what it refers to); REFERRING
   * changes with every event that refers to another.
   */
  private readonly versions = new Map<string, number>();
  private changes = 0;
  private readonly joinedKeys = new Map<string, Map<string, string>>();
  /** Changes with each registration: who may correct what, and who acts for whom, may change everything. */
  epoch = 0;

  constructor(state: LogState, timeZone: string) {
    this.state = state;
    this.timeZone = timeZone;
    this.view = new LogView(state, Number.POSITIVE_INFINITY, timeZone);
    // The entries of the last two hashes looked up: a list kept in order compares each new hash
    // with its last one, which was the hash added just before (a million lookups saved at a rebuild).
    // Only entries found are kept: an entry, once in the state, stays.
    let k1: string | undefined;
    let e1: Entry | undefined;
    let k2: string | undefined;
    let e2: Entry | undefined;
    const entryOf = (h: string): Entry | undefined => {
      if (h === k1) return e1;
      if (h === k2) return e2;
      const e = state.byHash.get(h);
      if (e !== undefined) {
        k2 = k1;
        e2 = e1;
        k1 = h;
        e1 = e;
      }
      return e;
    };
    this.compareHashes = (a, b) => {
      const x = entryOf(a);
      const y = entryOf(b);
      if (x && y) return compareEntries(x, y);
      return x ? -1 : y ? 1 : a < b ? -1 : a > b ? 1 : 0;
    };
  }

  /** Takes in an entry the state has just added. */
  apply(entry: Entry): void {
    if (entry.at > this.lastAt) this.lastAt = entry.at;
    const refs = referencesOf(entry.event);
    this.touch(entry.event.kind);
    if (refs.length) this.touch(REFERRING);
    for (const ref of refs) {
      const target = this.state.byHash.get(ref);
      if (target) this.touch(target.event.kind);
    }
    if (entry.event.kind === 'actor.registered') {
      this.stale = true;
      this.epoch++;
    }
    if (this.stale) return;
    this.add(entry);
    for (const ref of refs) {
      const target = this.state.byHash.get(ref);
      if (!target || target === entry) continue;
      this.retract(target);
      this.add(target);
    }
  }

  /**
   * `a` and `b` joined, as the same string each time: a string joined anew is flattened and hashed
   * again at each lookup of a map, several times the cost of the lookup itself.
   */
  private joined(a: string, b: string): string {
    let byA = this.joinedKeys.get(a);
    if (!byA) {
      byA = new Map();
      this.joinedKeys.set(a, byA);
    }
    let key = byA.get(b);
    if (key === undefined) {
      key = `${a}\u0000${b}`;
      byA.set(b, key);
    }
    return key;
  }

  private touch(kind: string): void {
    this.versions.set(kind, ++this.changes);
  }

  /** The version of a kind (see versions): the same as long as nothing of that kind changed. */
  version(kind: string): number {
    return this.versions.get(kind) ?? 0;
  }

  /** Builds the tallies again from the state when a registration made them stale. */
  private fresh(): void {
    if (!this.stale) return;
    this.stale = false;
    this.view = new LogView(this.state, Number.POSITIVE_INFINITY, this.timeZone);
    this.replaced.clear();
    this.currentByKind.clear();
    this.aid.clear();
    this.standing.clear();
    this.allegationList = new ChunkedList();
    this.sorted.clear();
    for (const list of this.state.byKind.values()) for (const e of list) this.add(e);
  }

  private add(entry: Entry): void {
    if (entry.event.kind === 'violation.alleged') this.setAllegation(entry);
    const eff = this.view.effective(entry);
    if (eff.withdrawn) {
      this.replaced.set(entry.hash, null);
      return;
    }
    if (eff.evidence.length > 1) this.replaced.set(entry.hash, eff);
    let list = this.currentByKind.get(entry.event.kind);
    if (!list) {
      list = [];
      this.currentByKind.set(entry.event.kind, list);
    }
    insertSorted(list, eff, ofEffective);
    if (entry.event.kind === 'aid.delivered') this.addAid(eff);
  }

  private retract(entry: Entry): void {
    const known = this.replaced.get(entry.hash);
    const eff = known === undefined ? plainEffective(entry) : known;
    this.replaced.delete(entry.hash);
    if (!eff) return;
    const list = this.currentByKind.get(entry.event.kind);
    if (list) removeSorted(list, entry, ofEffective);
    if (entry.event.kind === 'aid.delivered') this.removeAid(eff);
  }

  private addAid(eff: Effective): void {
    const key = groupKey(eff.body);
    let group = this.aid.get(key);
    if (group) this.touch(group.version);
    else {
      this.touch(AID_GROUP + key);
      this.touch(AID_GROUPS);
      group = {
        key,
        version: AID_GROUP + key,
        records: [],
        evidence: new OrderedHashes(this.compareHashes),
        bySource: new Map(),
        referred: [],
        sharedCorrections: 0,
      };
      this.aid.set(key, group);
    }
    insertSorted(group.records, eff, ofEffective);
    for (const h of eff.evidence) group.evidence.add(h, h === eff.entry.hash ? eff.entry : undefined);
    const source = this.view.sourceOf(eff.entry);
    let tally = group.bySource.get(source);
    if (!tally) {
      tally = {
        records: 0,
        quantity: 0,
        inexact: 0,
        approximate: 0,
        evidence: new OrderedHashes(this.compareHashes),
      };
      group.bySource.set(source, tally);
    }
    const q = typeof eff.body.quantity === 'number' ? eff.body.quantity : 0;
    tally.records++;
    tally.quantity += q;
    if (!Number.isSafeInteger(q)) tally.inexact++;
    if (eff.body.uncertain === true) tally.approximate++;
    for (const h of eff.evidence) tally.evidence.add(h, h === eff.entry.hash ? eff.entry : undefined);
    if (this.state.byRef.has(eff.entry.hash)) insertSorted(group.referred, eff.entry, ofEntry);
    if (this.correctsMore(eff)) group.sharedCorrections++;
  }

  private removeAid(eff: Effective): void {
    // The group its body in force counts in (the key depends on that body only).
    const group = this.aid.get(groupKey(eff.body));
    if (!group) return;
    this.touch(group.version);
    removeSorted(group.records, eff.entry, ofEffective);
    for (const h of eff.evidence) group.evidence.remove(h);
    const source = this.view.sourceOf(eff.entry);
    const tally = group.bySource.get(source)!;
    const q = typeof eff.body.quantity === 'number' ? eff.body.quantity : 0;
    tally.records--;
    tally.quantity -= q;
    if (!Number.isSafeInteger(q)) tally.inexact--;
    if (eff.body.uncertain === true) tally.approximate--;
    for (const h of eff.evidence) tally.evidence.remove(h);
    if (tally.records === 0) group.bySource.delete(source);
    removeSorted(group.referred, eff.entry, ofEntry);
    if (this.correctsMore(eff)) group.sharedCorrections--;
    if (group.records.length === 0) {
      this.aid.delete(group.key);
      this.touch(AID_GROUPS);
    }
  }

  /** Whether the correction in force over a figure also refers to other events. */
  private correctsMore(eff: Effective): boolean {
    const correction = eff.evidence[1] === undefined ? undefined : this.state.byHash.get(eff.evidence[1]);
    return correction !== undefined && referencesOf(correction.event).length > 1;
  }

  private setAllegation(entry: Entry): void {
    const all = this.state.byKind.get('violation.alleged')!;
    const i = indexOf(all, entry, ofEntry);
    const replacing = this.standing.has(entry.hash);
    this.standing.set(entry.hash, allegationState({ view: this.view }, entry));
    const about = String((entry.event.body as { provision?: unknown }).provision);
    const version = this.allegationVersion.get(about) ?? 0;
    if (!replacing && i === all.length - 1 && this.standing.get(entry.hash)!.state === 'open')
      this.appendUnanswered(entry, about, version);
    this.allegationVersion.set(about, version + 1);
    this.touch(this.joined(ALLEGATIONS_ABOUT, about));
    const record = allegationRecord(this.view, entry);
    settle(record.evidence);
    if (replacing) this.allegationList.set(i, record);
    else this.allegationList.insert(i, record);
  }

  /** The bodies in force of every event of a kind that is not withdrawn, in the order they occurred. */
  current(kind: string): Effective[] {
    this.reads.kind(kind);
    this.fresh();
    return this.currentByKind.get(kind) ?? [];
  }

  /** Where an allegation stands (as allegationState finds it). */
  allegationStanding(entry: Entry): AllegationStanding {
    this.reads.kind('violation.alleged');
    this.fresh();
    return this.standing.get(entry.hash)!;
  }

  /**
   * The allegations against a provision (and a party) sorted by where they stand, as `sort` finds
   * them: found again only once an allegation about that provision has changed (or been added).
   */
  allegationsAgainst(provision: string, party: string | undefined, sort: () => Sorted): Sorted {
    // What it gives changes only with the allegations about that provision (and a registration).
    this.reads.kind(this.joined(ALLEGATIONS_ABOUT, provision));
    this.fresh();
    const version = this.allegationVersion.get(provision) ?? 0;
    const key = this.joined(provision, party ?? '\u0000any');
    const known = this.sorted.get(key);
    if (known && known.version === version) return known.value;
    const value = this.reads.unnoted(sort);
    this.sorted.set(key, { provision, party, version, value });
    return value;
  }

  /**
   * A new allegation, the latest about its provision and unanswered, joins the end of the lists of
   * unanswered allegations sorted so far, without sorting them again.
   */
  private appendUnanswered(entry: Entry, provision: string, version: number): void {
    const against = (entry.event.body as { against?: unknown }).against;
    for (const known of this.sorted.values()) {
      if (known.provision !== provision || known.version !== version) continue;
      known.version = version + 1;
      if (known.party && against !== known.party) continue;
      const start = known.value.unanswered;
      known.grown ??= ChunkedList.from(start);
      known.grown.push(entry);
      const unanswered = known.grown.snapshot() as Entry[];
      grownIn(unanswered, known.grown, start);
      known.value = { ...known.value, unanswered };
    }
  }

  /** Every allegation, in the order they occurred (settled; it never changes afterwards). */
  allegations(): Allegation[] {
    this.reads.kind('violation.alleged');
    this.fresh();
    return settle(this.allegationList.snapshot() as Allegation[]);
  }

  /**
   * The aid groups whose figures satisfy `counts` (decided on a figure body of the group). What
   * reads them depends on the set of groups and on those groups only: a figure added to another
   * group does not change it.
   */
  aidGroups(counts: (body: Record<string, unknown>) => boolean): AidGroup[] {
    this.reads.kind(AID_GROUPS);
    this.fresh();
    const out: AidGroup[] = [];
    for (const g of this.aid.values())
      if (counts(g.records[0]!.body)) {
        this.reads.kind(g.version);
        out.push(g);
      }
    return out;
  }

  /** Every aid group (what is read of them is noted as read by figuresOf and the others). */
  allAidGroups(): AidGroup[] {
    this.reads.kind(AID_GROUPS);
    this.fresh();
    return [...this.aid.values()];
  }

  /** Notes that what the groups hold is read. */
  private readGroups(groups: readonly AidGroup[]): void {
    for (const g of groups) this.reads.kind(g.version);
  }

  /** The figures of some aid groups, summed per source, sources in a fixed order (as bySource). */
  figuresOf(groups: readonly AidGroup[]): Figure[] {
    this.readGroups(groups);
    const sources = new Set<string>();
    for (const g of groups) for (const s of g.bySource.keys()) sources.add(s);
    return [...sources]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((source) => {
        const tallies = groups.flatMap((g) => {
          const t = g.bySource.get(source);
          return t ? [t] : [];
        });
        let quantity = 0;
        if (tallies.every((t) => t.inexact === 0 && Number.isSafeInteger(t.quantity)))
          for (const t of tallies) quantity += t.quantity;
        else
          for (const r of this.recordsOf(groups))
            if (this.view.sourceOf(r.entry) === source)
              quantity += typeof r.body.quantity === 'number' ? r.body.quantity : 0;
        const evidence =
          tallies.length === 1
            ? (tallies[0]!.evidence.shared() as string[])
            : tallies.reduce<string[]>(
                (acc, t) => mergeOrdered(acc, t.evidence.shared(), this.compareHashes),
                [],
              );
        return tallies.some((t) => t.approximate > 0)
          ? { quantity, source, evidence, uncertain: true as const }
          : { quantity, source, evidence };
      });
  }

  /** The figures of some groups, in the order they occurred. */
  recordsOf(groups: readonly AidGroup[]): Effective[] {
    this.readGroups(groups);
    if (groups.length === 1) return groups[0]!.records;
    return groups.flatMap((g) => g.records).sort((a, b) => compareEntries(a.entry, b.entry));
  }

  /** The evidence of some groups, in the order it occurred, each hash once. */
  evidenceOf(groups: readonly AidGroup[]): string[] {
    this.readGroups(groups);
    const lists = groups.map((g) => g.evidence.shared());
    const merged =
      lists.length === 1
        ? (lists[0] as string[])
        : lists.reduce<string[]>((acc, l) => mergeOrdered(acc, l, this.compareHashes), []);
    if (!groups.some((g) => g.sharedCorrections > 0)) {
      // A group's own list may be handed out again: mark it; a merged one is new.
      if (lists.length === 1) onceAlready(merged);
      else eachOnce(merged);
      return merged;
    }
    return eachOnce(merged.filter((h, i) => i === 0 || merged[i - 1] !== h));
  }

  /** The figures of some groups that events refer to, in the order they occurred. */
  referredOf(groups: readonly AidGroup[]): Entry[] {
    this.readGroups(groups);
    return groups.flatMap((g) => g.referred).sort(compareEntries);
  }
}
