import { statedValues } from '../agreement/figure.ts';
import type { ProvisionOf } from '../agreement/types.ts';
import type { Obligation } from '../plan/types.ts';
import { obligationArg } from '../words/obligation-arg.ts';
import { type Arg, approx, list, moment, num, type Phrase, phrase, sentence } from '../words/phrase.ts';
import type { EvalContext } from './context.ts';
import type { CrossingFlow, ObligationStatus, RecordedThroughput } from './types.ts';

const PEOPLE = ['patients', 'companions', 'residents', 'people'] as const;

/** The flows the agreement states per direction, each with every source's figure. */
function agreedFlows(p: ProvisionOf<'crossing'>): CrossingFlow[] {
  return (p.flows ?? []).map((f) => ({
    direction: f.direction,
    people: f.people,
    perDay: statedValues(f.perDay),
  }));
}

/** Every throughput figure recorded for the crossing, one per event and source, never added across them. */
function recordedThroughput(ctx: EvalContext, p: ProvisionOf<'crossing'>): RecordedThroughput[] {
  return ctx.view
    .current('crossing.throughput')
    .filter((r) => r.body.provision === p.id || r.body.crossing === p.crossing.id)
    .map((r) => {
      const parts: Partial<Record<(typeof PEOPLE)[number], number>> = {};
      for (const k of PEOPLE) if (typeof r.body[k] === 'number') parts[k] = r.body[k] as number;
      return {
        direction: r.body.direction === 'in' ? ('in' as const) : ('out' as const),
        ...(typeof r.body.from === 'string' ? { from: r.body.from } : {}),
        to: String(r.body.date),
        // The parts of one figure (patients and their companions) add up to its people; sources never do.
        quantity: Object.values(parts).reduce((a, b) => a + b, 0),
        parts,
        source: ctx.view.sourceOf(r.entry),
        evidence: r.evidence,
        ...(r.body.uncertain === true ? { uncertain: true as const } : {}),
      };
    })
    .sort((a, b) =>
      a.direction === b.direction ? a.to.localeCompare(b.to) : a.direction === 'out' ? -1 : 1,
    );
}

/** The agreed flows, one reading per source ("50 out, 50 in a day; or ⚠ 150 out, 50 in a day"). */
function flowsPhrase(flows: CrossingFlow[]): Phrase {
  const readings = Math.max(...flows.map((f) => f.perDay.length));
  return phrase('flows.agreed', {
    readings: list(
      Array.from({ length: readings }, (_, i) => {
        const values = flows.map((f) => ({ f, v: f.perDay[Math.min(i, f.perDay.length - 1)]! }));
        const each: Arg = list(
          values.map(({ f, v }) =>
            phrase(f.direction === 'in' ? 'flow.in' : 'flow.out', { value: num(v.value) }),
          ),
          'comma',
        );
        const marked = values.some(({ v }) => v.uncertain)
          ? phrase('stated.uncertain', { value: each })
          : each;
        return i ? phrase('flows.reading-or', { flows: marked }) : phrase('flows.reading', { flows: marked });
      }),
    ),
  });
}

function throughputPhrase(ctx: EvalContext, t: RecordedThroughput[]): Phrase {
  return phrase('measures.recorded', {
    items: list(
      t.map((x) => {
        const value = approx(num(x.quantity), x.uncertain);
        const source = ctx.labels.actorArg(x.source);
        const to: Arg = { type: 'day', date: x.to };
        if (x.from) {
          const range = { value, from: { type: 'day', date: x.from } as Arg, to, source };
          return x.direction === 'in'
            ? phrase('throughput.in-range', range)
            : phrase('throughput.out-range', range);
        }
        return x.direction === 'in'
          ? phrase('throughput.in-day', { value, day: to, source })
          : phrase('throughput.out-day', { value, day: to, source });
      }),
      'comma',
    ),
  });
}

/**
 * A crossing's opening that the agreement does not date, placed once the record shows its condition
 * met: a recorded opening is met (no date was agreed, so it cannot be late); nothing recorded is
 * unrecorded, with no deadline to be past. The agreed flows and the recorded throughput stand
 * beside it, each figure with its source.
 */
export function undatedOpeningStatus(
  ctx: EvalContext,
  p: ProvisionOf<'crossing'>,
  o: Obligation,
): ObligationStatus {
  const tz = ctx.timeZone;
  const opened = ctx.view.current('crossing.opened').filter((r) => r.body.crossing === p.crossing.id);
  const first = opened[0];
  const flows = agreedFlows(p);
  const throughput = recordedThroughput(ctx, p);
  const obligation = obligationArg(o);
  const head = o.conditionMetAt
    ? phrase('undated.head', { obligation, met: moment(Date.parse(o.conditionMetAt), tz) })
    : phrase('head.obligation', { obligation });
  const disputes = opened.flatMap((r) => ctx.view.disputes(r.entry));
  const status = disputes.length ? 'disputed' : first ? 'met' : 'unrecorded';
  const verdict =
    status === 'met'
      ? phrase('undated.met', { at: moment(first!.entry.at, tz) })
      : status === 'disputed'
        ? phrase('undated.disputed', { at: moment(first!.entry.at, tz) })
        : phrase('undated.nothing');
  return {
    obligation: o,
    status,
    due: null,
    ...(first && status === 'met' ? { completedAt: ctx.view.iso(first.entry.at) } : {}),
    ...(first ? {} : { noRecord: true }),
    ...(disputes.length ? { disputes } : {}),
    noAgreedDate: true,
    ...(flows.length ? { flows } : {}),
    ...(throughput.length ? { throughput } : {}),
    evidence: [
      ...new Set([...opened.flatMap((r) => r.evidence), ...throughput.flatMap((t) => t.evidence)]),
    ].sort(),
    explanation: [
      sentence([head, verdict]),
      ...(flows.length ? [flowsPhrase(flows)] : []),
      ...(throughput.length ? [throughputPhrase(ctx, throughput)] : []),
    ],
  };
}
