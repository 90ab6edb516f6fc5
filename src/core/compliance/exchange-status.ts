import { returnedRemains } from '../figures/returned-remains.ts';
import type { Obligation } from '../plan/types.ts';
import { type Arg, approx, deadline, moment, num as n, phrase, qty } from '../words/phrase.ts';
import { dueAt, type EvalContext } from './context.ts';
import {
  approximate,
  approximateIn,
  type BatchRecord,
  countedIn,
  type ExchangeRecords,
  recordSide,
  undisclosed,
  undisclosedIn,
} from './exchange-records.ts';
import { type Prepared, prepare } from './obligation-result.ts';
import { releaseFacts } from './release-status.ts';
import type { Dispute, RemainsFinding } from './types.ts';
import type { Effective } from './view.ts';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

function handoverDisputes(ctx: EvalContext, batch: BatchRecord): Dispute[] {
  const out: Dispute[] = [];
  for (const h of batch.handovers) {
    out.push(...ctx.view.disputes(h.record.entry));
    // A figure the handing side did not disclose is not contradicted by the intermediary's.
    if (h.confirmation && h.claimed !== undefined && h.confirmation.count !== h.claimed) {
      out.push({
        of: h.record.entry.hash,
        recorded: { actor: h.record.entry.event.actor, figure: h.claimed },
        disputedBy: {
          actor: h.confirmation.actor,
          figure: h.confirmation.count,
          reason: '',
          found: 'confirmed-otherwise',
          evidence: h.confirmation.hash,
        },
      });
    }
  }
  for (const r of batch.countedOutside) out.push(...ctx.view.disputes(r.entry));
  return out;
}

/**
 * The records of every batch of an exchange, for a counterpart release stated for the exchange as
 * a whole ("1,968 in all", no batch): all its handovers and releases, and the counterpart's
 * releases that could be placed on no batch.
 */
function wholeExchange(ctx: EvalContext, records: ExchangeRecords): BatchRecord {
  const all = [...records.batches.values()];
  const counterpart = records.exchange.counterpart.party;
  const unplaced = records.unplaced.filter(
    (r) =>
      r.entry.event.kind === 'release.completed' &&
      recordSide(ctx.agreement, records.exchange, r.body.party) === counterpart &&
      r.body.outsideFormula !== true,
  );
  return {
    batch: 0,
    handovers: all.flatMap((b) => b.handovers),
    countedOutside: all.flatMap((b) => b.countedOutside),
    lists: all.flatMap((b) => b.lists),
    releases: [...all.flatMap((b) => b.releases), ...unplaced].sort((a, b) => a.entry.at - b.entry.at),
    findings: all.flatMap((b) => b.findings),
  };
}

/** What the log says of a list, a handover or a counterpart release of an exchange batch (judged by verdictOf). */
export function exchangeFacts(ctx: EvalContext, o: Obligation, records: ExchangeRecords): Prepared {
  const tz = ctx.timeZone;
  const batch =
    o.batch === undefined && o.action === 'release'
      ? wholeExchange(ctx, records)
      : records.batches.get(o.batch ?? -1);
  const due = dueAt(ctx, o);
  const withDue = (what: Arg): Arg =>
    due === null ? what : phrase('head.due', { what, due: deadline(due, tz) });
  const batch_ = o.batch ?? 0;
  if (!batch)
    return prepare(
      o,
      ctx,
      due,
      { anything: false, disputes: [] },
      [],
      withDue(phrase('batch.head', { batch: n(batch_) })),
      [],
    );
  if (o.action === 'submit-list') {
    const lists = batch.lists;
    const disputes: Dispute[] = lists.flatMap((l) =>
      ctx.view.refsTo(l.entry.hash, 'list.rejected').map((r) => ({
        of: l.entry.hash,
        recorded: { actor: l.entry.event.actor, figure: num(l.body.count) },
        disputedBy: { actor: r.event.actor, reason: String(r.event.body.reason), evidence: r.hash },
      })),
    );
    const first = lists[0];
    const record: Arg[] = first
      ? [
          phrase('record.list-submitted', {
            count: qty(num(first.body.count), 'person'),
            actor: ctx.labels.actorArg(first.entry.event.actor),
            at: moment(first.entry.at, tz),
          }),
        ]
      : [];
    return prepare(
      o,
      ctx,
      due,
      { anything: lists.length > 0, ...(first ? { doneAt: first.entry.at } : {}), disputes },
      lists.flatMap((l) => l.evidence),
      withDue(phrase('list.head', { batch: n(batch_) })),
      record,
    );
  }
  if (o.action === 'hand-over') return handoverFacts(ctx, o, records, batch, due);
  return releaseFacts(ctx, o, records, batch, due);
}

function handoverFacts(
  ctx: EvalContext,
  o: Obligation,
  records: ExchangeRecords,
  batch: BatchRecord,
  due: number | null,
): Prepared {
  const tz = ctx.timeZone;
  const done = countedIn(batch);
  // Handovers recorded with their number not disclosed: `done` is only what was disclosed, and
  // absent when nothing was (never 0 for a handover that happened).
  const hidden = undisclosedIn(batch);
  const disclosedAny =
    batch.handovers.some((h) => !h.undisclosed) || batch.countedOutside.some((r) => !undisclosed(r.body));
  const required = o.quantity;
  const events = [...batch.handovers.map((h) => h.at), ...batch.countedOutside.map((r) => r.at)];
  const doneAt = events.length ? Math.max(...events) : undefined;
  // A batch short of its planned size is complete when the exchange is on track cumulatively.
  let cumulative: Arg | undefined;
  let completeOtherwise = false;
  // What it counts adds up a figure given as approximate: its status carries the ⚠ (as the
  // cumulative figure does when the batches it adds up have one).
  let uncertain = approximateIn(batch);
  if (required !== undefined && done > 0 && done < required) {
    let planned = 0;
    let counted = 0;
    let approximateSoFar = false;
    for (const b of records.batches.values()) {
      if (b.batch > batch.batch) continue;
      const ob = ctx.eplan.obligations.find(
        (x) => x.provision === o.provision && x.action === 'hand-over' && x.batch === b.batch,
      );
      planned += ob?.quantity ?? 0;
      counted += countedIn(b);
      if (approximateIn(b)) approximateSoFar = true;
    }
    const min = records.exchange.release.minPerBatch ?? 0;
    completeOtherwise = counted >= planned && done >= min;
    if (approximateSoFar) uncertain = true;
    cumulative = phrase('record.cumulative', {
      counted: approx(n(counted), approximateSoFar),
      planned: n(planned),
    });
  }
  const releasing = records.exchange.release.party;
  const parts: Arg[] = batch.handovers.map((h) => {
    const c = h.confirmation;
    // Handed over by the releasing side; recorded by whoever signed it (an operator or a monitor
    // rebuilding the record is not the side that handed anyone over).
    const recorder = ctx.labels.actorArg(h.record.entry.event.actor);
    const bySide = 'type' in recorder && recorder.type === 'actor' && recorder.party === releasing;
    const handed = {
      // Not disclosed by the handing side: the intermediary's figure when it gave one.
      count:
        h.claimed !== undefined
          ? approx(n(h.claimed), approximate(h.record.body))
          : c
            ? approx(n(c.count), c.uncertain)
            : phrase('count.undisclosed'),
      actor: bySide ? recorder : ({ type: 'party', id: releasing } as Arg),
      at: moment(h.at, tz),
    };
    const part = c
      ? phrase('record.handed-over-confirmed', {
          ...handed,
          by: ctx.labels.actorArg(c.actor),
          confirmedAt: moment(c.at, tz),
        })
      : records.exchange.intermediary
        ? phrase('record.handed-over-unconfirmed', handed)
        : phrase('record.handed-over', handed);
    return bySide ? part : phrase('record.recorded-by', { what: part, actor: recorder });
  });
  // Remains handed over outside the formula were returned, not released (core's returnedRemains).
  const outside = returnedRemains(ctx.agreement, o.provision, o.party)
    ? 'record.counted-outside-remains'
    : 'record.counted-outside';
  for (const r of batch.countedOutside)
    parts.push(
      phrase(outside, {
        count: undisclosed(r.body)
          ? phrase('count.undisclosed')
          : approx(n(num(r.body.count)), approximate(r.body)),
        at: moment(r.at, tz),
      }),
    );
  if (cumulative) parts.push(cumulative);
  const findings: { finding: string; count: number; entry: Effective; handover?: string }[] = [
    ...batch.handovers.flatMap((h) => h.findings.map((f) => ({ ...f, handover: h.record.entry.hash }))),
    ...batch.findings,
  ];
  const what =
    required === undefined
      ? phrase('batch.head-unstated', { batch: n(batch.batch) })
      : phrase('batch.head-size', { batch: n(batch.batch), required: qty(required, o.unit ?? 'person') });
  const prepared = prepare(
    o,
    ctx,
    due,
    {
      ...(required !== undefined ? { required } : {}),
      ...(hidden > 0 && !disclosedAny ? {} : { done }),
      ...(doneAt !== undefined ? { doneAt } : {}),
      anything: parts.length > 0,
      completeOtherwise,
      ...(hidden > 0 ? { undisclosed: 'done' as const } : {}),
      disputes: handoverDisputes(ctx, batch),
    },
    [
      ...batch.handovers.flatMap((h) => [
        ...h.record.evidence,
        ...(h.confirmation ? [h.confirmation.hash] : []),
      ]),
      ...batch.countedOutside.flatMap((r) => r.evidence),
      ...findings.flatMap((f) => f.entry.evidence),
    ],
    due === null ? what : phrase('head.due', { what, due: deadline(due, tz) }),
    parts,
  );
  const marked: Prepared = uncertain ? { ...prepared, approximate: { done: true } } : prepared;
  if (!findings.length) return marked;
  return {
    ...marked,
    after: {
      remains: findings.map((f) => ({
        finding: f.finding as RemainsFinding['finding'],
        count: f.count,
        ...(approximate(f.entry.body) ? { uncertain: true as const } : {}),
        ...(f.handover ? { handover: f.handover } : {}),
        at: ctx.view.iso(f.entry.entry.at),
        evidence: f.entry.evidence,
      })),
    },
  };
}
