import { returnedRemains } from '../figures/returned-remains.ts';
import type { Obligation } from '../plan/types.ts';
import { partyOnSide } from '../words/party-on-side.ts';
import { type Arg, approx, deadline, moment, num as n, phrase, qty, quote } from '../words/phrase.ts';
import type { EvalContext } from './context.ts';
import {
  approximate,
  approximateIn,
  approximateReleasesIn,
  type BatchRecord,
  countedIn,
  type ExchangeRecords,
  releasedIn,
  undisclosed,
  undisclosedIn,
  undisclosedReleasesIn,
} from './exchange-records.ts';
import { type Prepared, prepare } from './obligation-result.ts';
import { owedFor } from './owed-by-ratio.ts';
import { statedTotal } from './stated-total.ts';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** What the log says of a counterpart release of a batch (or of the exchange as a whole), judged by verdictOf. */
export function releaseFacts(
  ctx: EvalContext,
  o: Obligation,
  records: ExchangeRecords,
  batch: BatchRecord,
  plannedDue: number | null,
): Prepared {
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
  // A handover whose number was not disclosed: what is owed for it is not known (never the ratio
  // times what was disclosed alone, nor the plan's figure).
  const owedUnknown = undisclosedIn(batch) > 0;
  // Owed by each category's ratio where the handovers say how many of each; else a range.
  const range = counted > 0 && !owedUnknown ? owedFor(records.exchange, [batch]) : null;
  const required = owedUnknown ? undefined : range ? range.min : o.quantity;
  // Owed for a count that adds up a figure given as approximate, or done by such a release: the
  // status carries the ⚠ (computed all the same from the numbers as recorded).
  const countedApproximate = range !== null && approximateIn(batch);
  const uncertain = countedApproximate || approximateReleasesIn(batch);
  const done = releasedIn(batch);
  // Releases recorded with their number not disclosed: `done` is what was disclosed, absent when nothing was.
  const hidden = undisclosedReleasesIn(batch);
  const disclosedAny = batch.releases.some((r) => !undisclosed(r.body));
  let acc = 0;
  let doneAt: number | undefined;
  for (const r of batch.releases) {
    acc += num(r.body.count);
    doneAt = r.entry.at;
    if (required !== undefined && acc >= required) break;
  }
  // Each side in the plan's unit for it (persons, remains), as the plan counts them.
  const unit = o.unit ?? 'person';
  const countedUnit = handover?.unit ?? 'person';
  const remains = o.unit === 'remains';
  // A side that hands over remains returns them: "405 remains to return", "45 returned by Israel",
  // never released (core's one rule for it, as the headline's "Returned by").
  const returned = returnedRemains(ctx.agreement, o.provision, o.party) !== null;
  const base: Arg =
    o.batch === undefined
      ? required === undefined
        ? remains
          ? phrase('release.head-all-unstated-remains')
          : phrase('release.head-all-unstated')
        : returned
          ? phrase('release.head-all-remains', { required: qty(required, unit) })
          : phrase('release.head-all', { required: qty(required, unit) })
      : required === undefined
        ? remains
          ? phrase('release.head-batch-unstated-remains', { batch: n(batch.batch) })
          : phrase('release.head-batch-unstated', { batch: n(batch.batch) })
        : returned
          ? phrase('release.head-batch-remains', { batch: n(batch.batch), required: qty(required, unit) })
          : phrase('release.head-batch', { batch: n(batch.batch), required: qty(required, unit) });
  const what: Arg = owedUnknown
    ? phrase('release.for-undisclosed', { what: base })
    : !range
      ? base
      : range.min === range.max
        ? phrase(range.byCategory ? 'release.for-counted-by-category' : 'release.for-counted', {
            what: base,
            counted: approx(qty(counted, countedUnit), countedApproximate),
          })
        : phrase('release.range-counted', {
            what: base,
            min: n(range.min),
            max: n(range.max),
            counted: approx(qty(counted, countedUnit), countedApproximate),
          });
  const head = due === null ? what : phrase('head.by', { what, due: deadline(due, tz) });
  const record: Arg[] = batch.releases.map((r) => {
    const released = {
      count: undisclosed(r.body)
        ? phrase('count.undisclosed')
        : approx(n(num(r.body.count)), approximate(r.body)),
      // A group on the releasing side is named as itself, with the side it counts for.
      party: partyOnSide(String(r.body.party), o.party),
      at: moment(r.entry.at, tz),
    };
    const source = r.entry.event.source ? quote(r.entry.event.source.name) : undefined;
    if (returned)
      return source
        ? phrase('record.returned-source', { ...released, source })
        : phrase('record.returned', released);
    return source
      ? phrase('record.released-source', { ...released, source })
      : phrase('record.released', released);
  });
  const stated = statedTotal(records.exchange.counterpart);
  const prepared = prepare(
    o,
    ctx,
    due,
    {
      ...(required !== undefined ? { required } : {}),
      ...(range && range.max !== range.min ? { requiredMax: range.max } : {}),
      ...(hidden > 0 && !disclosedAny ? {} : { done }),
      ...(doneAt !== undefined ? { doneAt } : {}),
      anything: batch.releases.length > 0,
      disputes: batch.releases.flatMap((r) => ctx.view.disputes(r.entry)),
      ...(owedUnknown
        ? { undisclosed: 'owed' as const }
        : hidden > 0
          ? { undisclosed: 'done' as const }
          : {}),
      // A handover recorded with its number not disclosed is a handover: the release no longer waits for one.
      ...(after && counted === 0 && !owedUnknown
        ? { waitsFor: phrase('waits.handover', { batch: n(batch.batch) }) }
        : {}),
    },
    batch.releases.flatMap((r) => r.evidence),
    head,
    record,
  );
  const marked: Prepared = uncertain
    ? {
        ...prepared,
        approximate: {
          ...(countedApproximate ? { required: true as const } : {}),
          ...(approximateReleasesIn(batch) ? { done: true as const } : {}),
        },
      }
    : prepared;
  return stated.length ? { ...marked, after: { statedTotal: stated } } : marked;
}
