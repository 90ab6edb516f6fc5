import { sideOf } from '../agreement/side-of.ts';
import type { Agreement, ProvisionOf } from '../agreement/types.ts';
import type { Obligation } from '../plan/types.ts';
import type { Effective, LogView } from './view.ts';

type Exchange = ProvisionOf<'exchange'>;

/** A handover of a batch, with the intermediary's confirmation when there is one. */
export interface HandoverRecord {
  record: Effective;
  /** The handing side's figure; absent when it recorded the handover with its number not disclosed. */
  claimed?: number;
  /** The intermediary's count (`uncertain` when it gave it as approximate). */
  confirmation?: { count: number; hash: string; at: number; actor: string; uncertain?: true };
  /**
   * The figure counted: the intermediary's when it confirmed, else the releasing party's, less the
   * remains found not to be of a person the exchange covers.
   */
  count: number;
  /**
   * The number counted is not disclosed (recorded `undisclosed: true`, and no intermediary gave a
   * figure): `count` is then 0 and is never read as a figure (see undisclosedIn).
   */
  undisclosed?: true;
  /**
   * `count` rests on a figure given as approximate: the intermediary's when it confirmed (else the
   * handing side's), or a finding that takes remains out of it (`uncertain: true` on the event).
   */
  uncertain?: true;
  at: number;
  /** Findings on the remains of this handover (remains.identified naming it). */
  findings: { finding: string; count: number; entry: Effective }[];
}

export interface BatchRecord {
  batch: number;
  handovers: HandoverRecord[];
  /** Outside-the-formula releases the parties agreed to count toward this batch. */
  countedOutside: Effective[];
  lists: Effective[];
  releases: Effective[];
  /** Findings on remains of this batch that name no handover (placed by batch, day or window). */
  findings: { finding: string; count: number; entry: Effective }[];
}

export interface ExchangeRecords {
  exchange: Exchange;
  batches: Map<number, BatchRecord>;
  /** Releases outside the formula, by the releasing side and by the counterpart, not counted. */
  outside: { release: Effective[]; counterpart: Effective[] };
  /** Records naming no batch that could not be placed on one. */
  unplaced: Effective[];
  /**
   * The plan places no batch of it (no cadence stated, no date agreed): its records are gathered in
   * one record of the whole exchange (`batches` holds it alone, numbered 1), so that what was done
   * is counted even though nothing of it is due on a day.
   */
  whole: boolean;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** A handover or release recorded with its number not disclosed (`undisclosed: true`, no count). */
export const undisclosed = (body: Record<string, unknown>): boolean =>
  body.undisclosed === true && typeof body.count !== 'number';

/** A record whose figure its source gave as approximate (`uncertain: true`, with a number). */
export const approximate = (body: Record<string, unknown>): boolean =>
  body.uncertain === true && !undisclosed(body);

/** Whether an outside-the-formula release counts toward the quota under the exchange's terms. */
export function countsTowardQuota(exchange: Exchange, body: Record<string, unknown>): boolean {
  const policy = exchange.outsideFormula?.countsTowardQuota ?? 'never';
  return policy === 'always' || (policy === 'if-agreed' && body.countsTowardQuota === true);
}

/**
 * The side of an exchange a record's party acts for: the party itself, or the side the agreement
 * puts it on (a group on a side counts for it); undefined for a party on neither side.
 */
export function recordSide(agreement: Agreement, exchange: Exchange, party: unknown): string | undefined {
  return typeof party === 'string'
    ? sideOf(agreement, party, [exchange.release.party, exchange.counterpart.party])
    : undefined;
}

/** The exchange a record belongs to: the one it names, else the first whose sides match its party. */
function exchangeOf(agreement: Agreement, body: Record<string, unknown>): Exchange | undefined {
  const exchanges = agreement.provisions.filter((p): p is Exchange => p.kind === 'exchange');
  if (typeof body.provision === 'string') return exchanges.find((x) => x.id === body.provision);
  return exchanges.find((x) => recordSide(agreement, x, body.party) !== undefined);
}

/** Gathers the log's lists, handovers and releases of every exchange, batch by batch. */
export function exchangeRecords(
  agreement: Agreement,
  view: LogView,
  obligations: Obligation[],
): Map<string, ExchangeRecords> {
  const out = new Map<string, ExchangeRecords>();
  const batchByDate = new Map<string, number>();
  /** Window batches of each exchange: handed over any time from `opens` to their deadline. */
  const windows = new Map<string, { batch: number; opens: number; due: number }[]>();
  for (const p of agreement.provisions) {
    if (p.kind !== 'exchange') continue;
    const batches = new Map<number, BatchRecord>();
    for (const o of obligations)
      if (o.provision === p.id && o.action === 'hand-over' && o.batch !== undefined) {
        batches.set(o.batch, {
          batch: o.batch,
          handovers: [],
          countedOutside: [],
          lists: [],
          releases: [],
          findings: [],
        });
        if (o.date) batchByDate.set(`${p.id}@${o.date}`, o.batch);
        if (o.byDeadline && o.due !== null) {
          const list = windows.get(p.id) ?? [];
          list.push({
            batch: o.batch,
            opens: o.opens ? Date.parse(o.opens) : Number.NEGATIVE_INFINITY,
            due: Date.parse(o.due),
          });
          windows.set(p.id, list);
        }
      }
    const whole = batches.size === 0;
    if (whole)
      batches.set(1, { batch: 1, handovers: [], countedOutside: [], lists: [], releases: [], findings: [] });
    out.set(p.id, { exchange: p, batches, outside: { release: [], counterpart: [] }, unplaced: [], whole });
  }
  // A record that names no batch goes on the batch planned for its day; else on the window batch
  // whose window holds its time; else, when the exchange has a single batch, on that one.
  const place = (x: ExchangeRecords, r: Effective): BatchRecord | undefined => {
    if (x.whole) return x.batches.get(1);
    const n =
      typeof r.body.batch === 'number'
        ? r.body.batch
        : (batchByDate.get(`${x.exchange.id}@${view.localDate(r.entry.at)}`) ??
          windows.get(x.exchange.id)?.find((w) => w.opens <= r.entry.at && r.entry.at <= w.due)?.batch ??
          (x.batches.size === 1 ? [...x.batches.keys()][0] : undefined));
    const batch = n === undefined ? undefined : x.batches.get(n);
    if (!batch) x.unplaced.push(r);
    return batch;
  };
  for (const r of view.current('list.submitted')) {
    const x = out.get(String(r.body.provision));
    if (x) place(x, r)?.lists.push(r);
  }
  const identified = view.current('remains.identified');
  for (const r of view.current('handover.completed')) {
    const x = out.get(String(r.body.provision));
    if (!x) continue;
    const batch = place(x, r);
    if (!batch) continue;
    const confirmations = view
      .refsTo(r.entry.hash, 'handover.confirmed')
      .filter((c) => view.role(c.event.actor) === 'intermediary');
    const c = confirmations.at(-1);
    const claimed = undisclosed(r.body) ? undefined : num(r.body.count);
    const confirmation = c
      ? {
          count: num(c.event.body.count),
          hash: c.hash,
          at: c.at,
          actor: c.event.actor,
          ...(approximate(c.event.body) ? { uncertain: true as const } : {}),
        }
      : undefined;
    const findings = identified
      .filter((f) => f.body.handover === r.entry.hash)
      .map((f) => ({ finding: String(f.body.finding), count: num(f.body.count ?? 1), entry: f }));
    // Remains that are not of a person the exchange covers are not counted toward it.
    const excluded = findings.filter((f) => f.finding !== 'matches').reduce((a, f) => a + f.count, 0);
    // The intermediary's figure discloses what the handing side's record did not.
    const count = confirmation ? confirmation.count : claimed;
    // The figure counted is approximate when the one it takes is, or a finding that changes it.
    const uncertain =
      (confirmation ? confirmation.uncertain === true : count !== undefined && approximate(r.body)) ||
      findings.some((f) => f.finding !== 'matches' && approximate(f.entry.body));
    batch.handovers.push({
      record: r,
      ...(claimed !== undefined ? { claimed } : {}),
      ...(confirmation ? { confirmation } : {}),
      count: count === undefined ? 0 : Math.max(0, count - excluded),
      ...(count === undefined ? { undisclosed: true as const } : {}),
      ...(uncertain ? { uncertain: true as const } : {}),
      at: r.entry.at,
      findings,
    });
  }
  const handed = new Set(view.current('handover.completed').map((r) => r.entry.hash));
  for (const f of identified) {
    if (typeof f.body.handover === 'string' && handed.has(f.body.handover)) continue;
    const x = out.get(String(f.body.provision));
    if (!x) continue;
    place(x, f)?.findings.push({ finding: String(f.body.finding), count: num(f.body.count ?? 1), entry: f });
  }
  for (const r of view.current('release.completed')) {
    const exchange = exchangeOf(agreement, r.body);
    const x = exchange && out.get(exchange.id);
    if (!x) continue;
    const side =
      recordSide(agreement, x.exchange, r.body.party) === x.exchange.release.party
        ? 'release'
        : 'counterpart';
    if (r.body.outsideFormula === true) {
      if (side === 'release' && countsTowardQuota(x.exchange, r.body)) {
        const batch = place(x, r);
        if (batch) batch.countedOutside.push(r);
      } else x.outside[side].push(r);
    } else if (side === 'counterpart') place(x, r)?.releases.push(r);
    else x.unplaced.push(r);
  }
  return out;
}

/**
 * How many of a batch's handovers (and releases outside the formula counted toward it) were recorded
 * with their number not disclosed: what countedIn gives is then only what was disclosed.
 */
export function undisclosedIn(batch: BatchRecord): number {
  return (
    batch.handovers.filter((h) => h.undisclosed).length +
    batch.countedOutside.filter((r) => undisclosed(r.body)).length
  );
}

/** How many of a batch's counterpart releases were recorded with their number not disclosed. */
export function undisclosedReleasesIn(batch: BatchRecord): number {
  return batch.releases.filter((r) => undisclosed(r.body)).length;
}

/**
 * Persons counted for a batch: handed over (as confirmed) plus outside releases counted toward it,
 * as disclosed (a number not disclosed is no figure: undisclosedIn says how many such records).
 */
export function countedIn(batch: BatchRecord): number {
  const excluded = batch.findings.filter((f) => f.finding !== 'matches').reduce((a, f) => a + f.count, 0);
  return Math.max(
    0,
    batch.handovers.reduce((a, h) => a + h.count, 0) +
      batch.countedOutside.reduce((a, r) => a + num(r.body.count), 0) -
      excluded,
  );
}

/**
 * Whether what countedIn gives for a batch adds up a figure given as approximate: a handover's
 * (see HandoverRecord.uncertain), an outside release counted toward it, or a finding of the batch.
 */
export function approximateIn(batch: BatchRecord): boolean {
  return (
    batch.handovers.some((h) => h.uncertain) ||
    batch.countedOutside.some((r) => approximate(r.body)) ||
    batch.findings.some((f) => f.finding !== 'matches' && approximate(f.entry.body))
  );
}

/** Whether what releasedIn gives for a batch adds up a figure given as approximate. */
export function approximateReleasesIn(batch: BatchRecord): boolean {
  return batch.releases.some((r) => approximate(r.body));
}

export function releasedIn(batch: BatchRecord): number {
  return batch.releases.reduce((a, r) => a + num(r.body.count), 0);
}
