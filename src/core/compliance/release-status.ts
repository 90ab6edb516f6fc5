import type { Obligation } from '../plan/types.ts';
import type { EvalContext } from './context.ts';
import { type BatchRecord, countedIn, type ExchangeRecords, releasedIn } from './exchange-records.ts';
import { result } from './obligation-result.ts';
import { statedTotal } from './stated-total.ts';
import type { ObligationStatus } from './types.ts';
import { figure, quantity, when } from './words.ts';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** Persons the counterpart owes for `counted` persons: exact with one ratio, else the smallest. */
function owed(records: ExchangeRecords, counted: number): { min: number; max: number } | null {
  const ratios = records.exchange.release.categories.map((c) => c.ratio);
  if (ratios.some((r) => r === undefined)) return null;
  const rs = ratios as number[];
  return { min: counted * Math.min(...rs), max: counted * Math.max(...rs) };
}

export function releaseStatus(
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
  // Each side in the plan's unit for it (persons, remains), as the plan counts them.
  const countedUnit = handover?.unit ?? 'person';
  const ratioText = range
    ? range.min === range.max
      ? ` (for ${quantity(counted, countedUnit)} counted)`
      : ` (${figure(range.min)} to ${figure(range.max)} for ${quantity(counted, countedUnit)} counted, by category)`
    : '';
  const record = batch.releases
    .map(
      (r) =>
        `${figure(num(r.body.count))} released by ${ctx.labels.party(String(r.body.party))} at ${when(r.entry.at, tz)}${r.entry.event.source ? ` [${r.entry.event.source.name}]` : ''}`,
    )
    .join('; ');
  const stated = statedTotal(records.exchange.counterpart);
  const status = result(
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
    `${o.batch === undefined ? 'In all' : `Batch ${batch.batch}`}: ${required === undefined ? `an unstated number of ${o.unit === 'remains' ? 'remains' : 'persons'}` : quantity(required, o.unit ?? 'person')} to release${ratioText}${due === null ? '' : ` by ${when(due, tz)}`}`,
    record,
  );
  return stated.length ? { ...status, statedTotal: stated } : status;
}
