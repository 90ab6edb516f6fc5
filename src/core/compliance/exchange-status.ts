import type { Obligation } from '../plan/types.ts';
import { dueAt, type EvalContext, endedAt, verdictWords } from './context.ts';
import { describeDisputes } from './dispute-words.ts';
import { type BatchRecord, countedIn, type ExchangeRecords, releasedIn } from './exchange-records.ts';
import { judge } from './judge.ts';
import type { Dispute, ObligationStatus } from './types.ts';
import { plural, when } from './words.ts';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

function handoverDisputes(ctx: EvalContext, batch: BatchRecord): Dispute[] {
  const out: Dispute[] = [];
  for (const h of batch.handovers) {
    out.push(...ctx.view.disputes(h.record.entry));
    if (h.confirmation && h.confirmation.count !== h.claimed) {
      out.push({
        of: h.record.entry.hash,
        recorded: { actor: h.record.entry.event.actor, figure: h.claimed },
        disputedBy: {
          actor: h.confirmation.actor,
          figure: h.confirmation.count,
          reason: `${h.confirmation.actor} confirmed ${h.confirmation.count}, not ${h.claimed}`,
          evidence: h.confirmation.hash,
        },
      });
    }
  }
  for (const r of batch.countedOutside) out.push(...ctx.view.disputes(r.entry));
  return out;
}

function result(
  o: Obligation,
  ctx: EvalContext,
  due: number | null,
  facts: Omit<Parameters<typeof judge>[0], 'asOf' | 'dueAt' | 'endedAt'>,
  evidence: string[],
  head: string,
  record: string,
): ObligationStatus {
  const end = endedAt(ctx, o.phase);
  const v = judge({ ...facts, asOf: ctx.asOf, dueAt: due, ...(end !== undefined ? { endedAt: end } : {}) });
  const tail = verdictWords(ctx, o, v, facts.waitsFor);
  const disputes = facts.disputes.length ? ` ${describeDisputes(facts.disputes)}` : '';
  return {
    obligation: o,
    status: v.status,
    due: o.due === null || due === null ? null : ctx.view.iso(due),
    ...(facts.required !== undefined ? { required: facts.required } : {}),
    ...(facts.done !== undefined ? { done: facts.done } : {}),
    ...((v.status === 'met' || v.status === 'met-late') && facts.doneAt !== undefined
      ? { completedAt: ctx.view.iso(facts.doneAt) }
      : {}),
    ...(v.lateMinutes !== undefined ? { lateMinutes: v.lateMinutes } : {}),
    ...(v.overdueMinutes !== undefined ? { overdueMinutes: v.overdueMinutes } : {}),
    ...(v.noRecord ? { noRecord: true } : {}),
    ...(facts.disputes.length ? { disputes: facts.disputes } : {}),
    evidence: [...new Set(evidence)].sort(),
    explanation: `${head}${record ? `; ${record}` : ''}; ${tail}.${disputes}`,
  };
}

/** Status of a list, a handover or a counterpart release of an exchange batch. */
export function exchangeObligationStatus(
  ctx: EvalContext,
  o: Obligation,
  records: ExchangeRecords,
): ObligationStatus {
  const tz = ctx.timeZone;
  const batch = records.batches.get(o.batch ?? -1);
  const due = dueAt(ctx, o);
  const dueText = due === null ? '' : ` due ${when(due, tz)}`;
  const n = o.batch ?? 0;
  if (!batch) return result(o, ctx, due, { anything: false, disputes: [] }, [], `Batch ${n}${dueText}`, '');
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
    const record = first
      ? `list of ${plural(num(first.body.count), 'person')} submitted by ${first.entry.event.actor} at ${when(first.entry.at, tz)}`
      : '';
    return result(
      o,
      ctx,
      due,
      { anything: lists.length > 0, ...(first ? { doneAt: first.entry.at } : {}), disputes },
      lists.flatMap((l) => l.evidence),
      `List for batch ${n}${dueText}`,
      record,
    );
  }
  if (o.action === 'hand-over') return handoverStatus(ctx, o, records, batch, due);
  return releaseStatus(ctx, o, records, batch, due);
}

function handoverStatus(
  ctx: EvalContext,
  o: Obligation,
  records: ExchangeRecords,
  batch: BatchRecord,
  due: number | null,
): ObligationStatus {
  const tz = ctx.timeZone;
  const done = countedIn(batch);
  const required = o.quantity;
  const events = [...batch.handovers.map((h) => h.at), ...batch.countedOutside.map((r) => r.at)];
  const doneAt = events.length ? Math.max(...events) : undefined;
  // A batch short of its planned size is complete when the exchange is on track cumulatively.
  let cumulative = '';
  let completeOtherwise = false;
  if (required !== undefined && done > 0 && done < required) {
    let planned = 0;
    let counted = 0;
    for (const b of records.batches.values()) {
      if (b.batch > batch.batch) continue;
      const ob = ctx.eplan.obligations.find(
        (x) => x.provision === o.provision && x.action === 'hand-over' && x.batch === b.batch,
      );
      planned += ob?.quantity ?? 0;
      counted += countedIn(b);
    }
    const min = records.exchange.release.minPerBatch ?? 0;
    completeOtherwise = counted >= planned && done >= min;
    cumulative = `${counted} of ${planned} planned by this batch`;
  }
  const parts = batch.handovers.map((h) => {
    const c = h.confirmation;
    return `${h.claimed} handed over by ${h.record.entry.event.actor} at ${when(h.at, tz)}${
      c
        ? `, confirmed by ${c.actor} at ${when(c.at, tz)}`
        : records.exchange.intermediary
          ? ', not confirmed'
          : ''
    }`;
  });
  for (const r of batch.countedOutside)
    parts.push(
      `${num(r.body.count)} released outside the formula and agreed to count toward this batch (${when(r.at, tz)})`,
    );
  if (cumulative) parts.push(cumulative);
  return result(
    o,
    ctx,
    due,
    {
      ...(required !== undefined ? { required } : {}),
      done,
      ...(doneAt !== undefined ? { doneAt } : {}),
      anything: parts.length > 0,
      completeOtherwise,
      disputes: handoverDisputes(ctx, batch),
    },
    [
      ...batch.handovers.flatMap((h) => [
        ...h.record.evidence,
        ...(h.confirmation ? [h.confirmation.hash] : []),
      ]),
      ...batch.countedOutside.flatMap((r) => r.evidence),
    ],
    `Batch ${batch.batch} (${required === undefined ? 'number not stated' : plural(required, 'person')})${due === null ? '' : ` due ${when(due, tz)}`}`,
    parts.join('; '),
  );
}

/** Persons the counterpart owes for `counted` persons: exact with one ratio, else the smallest. */
function owed(records: ExchangeRecords, counted: number): { min: number; max: number } | null {
  const ratios = records.exchange.release.categories.map((c) => c.ratio);
  if (ratios.some((r) => r === undefined)) return null;
  const rs = ratios as number[];
  return { min: counted * Math.min(...rs), max: counted * Math.max(...rs) };
}

function releaseStatus(
  ctx: EvalContext,
  o: Obligation,
  records: ExchangeRecords,
  batch: BatchRecord,
  plannedDue: number | null,
): ObligationStatus {
  const tz = ctx.timeZone;
  const counted = countedIn(batch);
  const after = records.exchange.counterpart.after;
  let due = plannedDue;
  // Releases that wait for the handover move with it.
  const handover = ctx.eplan.obligations.find(
    (x) => x.provision === o.provision && x.action === 'hand-over' && x.batch === batch.batch,
  );
  const handedAt = batch.handovers.length ? Math.max(...batch.handovers.map((h) => h.at)) : undefined;
  if (after && due !== null && handover?.due && handedAt !== undefined)
    due += Math.max(0, handedAt - Date.parse(handover.due));
  const range = counted > 0 ? owed(records, counted) : null;
  const required = range ? range.min : o.quantity;
  const done = releasedIn(batch);
  let acc = 0;
  let doneAt: number | undefined;
  for (const r of batch.releases) {
    acc += num(r.body.count);
    doneAt = r.entry.at;
    if (required !== undefined && acc >= required) break;
  }
  const ratioText = range
    ? range.min === range.max
      ? ` (for ${plural(counted, 'person')} counted)`
      : ` (${range.min} to ${range.max} for ${plural(counted, 'person')} counted, by category)`
    : '';
  const record = batch.releases
    .map(
      (r) =>
        `${num(r.body.count)} released by ${String(r.body.party)} at ${when(r.entry.at, tz)}${r.entry.event.source ? ` [${r.entry.event.source.name}]` : ''}`,
    )
    .join('; ');
  return result(
    o,
    ctx,
    due,
    {
      ...(required !== undefined ? { required } : {}),
      done,
      ...(doneAt !== undefined ? { doneAt } : {}),
      anything: batch.releases.length > 0,
      disputes: batch.releases.flatMap((r) => ctx.view.disputes(r.entry)),
      ...(after && counted === 0 ? { waitsFor: `the handover of batch ${batch.batch}` } : {}),
    },
    batch.releases.flatMap((r) => r.evidence),
    `Batch ${batch.batch}: ${required === undefined ? 'an unstated number of' : required} persons to release${ratioText}${due === null ? '' : ` by ${when(due, tz)}`}`,
    record,
  );
}
