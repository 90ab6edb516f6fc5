import type { Agreement, Provision } from '../agreement/types.ts';
import type { Obligation } from '../plan/types.ts';
import { phrase } from '../words/phrase.ts';
import { actStatus } from './act-status.ts';
import { allegationRecord } from './allegation-record.ts';
import { conditionState } from './condition.ts';
import type { EvalContext } from './context.ts';
import { deadlineMove, movePhrase } from './deadline-move.ts';
import { effectivePlan } from './effective-plan.ts';
import { orderEvidence } from './evidence-order.ts';
import { exchangeRecords } from './exchange-records.ts';
import { exchangeObligationStatus } from './exchange-status.ts';
import { figureSets } from './figures.ts';
import { JudgmentMemo, type Keep } from './judgment-memo.ts';
import { labelsOf, type Registration } from './labels.ts';
import { LiveLog } from './live-log.ts';
import { applyEvent, emptyState, type LogState } from './log-state.ts';
import { extensionRecords, phaseEnds, phaseRecords } from './phase-records.ts';
import { provisionStatus } from './provision-status.ts';
import { quotaStatus } from './quota-status.ts';
import { Clock, ReadMap } from './read-record.ts';
import { ratioCheck, tallies } from './tally.ts';
import type { Allegation, EvaluateOptions, Evaluation, LoggedEvent, ObligationStatus } from './types.ts';
import { undatedOpeningStatus } from './undated-opening.ts';
import { LogView } from './view.ts';
import { withMeasures } from './with-measures.ts';

/** A refusal the caller can act on: what is wrong and how to fix it. */
export class ComplianceError extends Error {
  override name = 'ComplianceError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

function parseAsOf(asOf: string): number {
  const at = Date.parse(asOf);
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(asOf) || Number.isNaN(at))
    throw new ComplianceError(
      'compliance-bad-time',
      `"${asOf}" is not a date-time with an offset; give one like 2023-11-25T20:00:00+02:00.`,
    );
  return at;
}

function judged(ctx: EvalContext, p: Provision, o: Obligation): ObligationStatus {
  if (p.kind === 'crossing' && o.noAgreedDate) return undatedOpeningStatus(ctx, p, o);
  if (p.kind === 'exchange') return exchangeObligationStatus(ctx, o, ctx.exchanges.get(p.id)!);
  // People through a crossing per day are a quantity, counted from crossing.throughput figures.
  if (
    o.action === 'admit-aid' ||
    o.action === 'deliver-extra' ||
    o.action === 'evacuate' ||
    (o.action === 'let-cross' && o.quantity !== undefined)
  )
    return quotaStatus(ctx, p, o);
  return actStatus(ctx, p, o);
}

/** An obligation's status, with the postponements, suspensions and caps recorded over it beside it. */
function obligationStatus(ctx: EvalContext, p: Provision, o: Obligation): ObligationStatus {
  const status = withMeasures(ctx, p, o, judged(ctx, p, o));
  // Late or overdue against a deadline the agreement does not state firmly rests on it: ⚠ too.
  const onDeadline =
    o.deadline !== undefined && (status.lateMinutes !== undefined || status.overdueMinutes !== undefined);
  return o.uncertain || onDeadline ? { ...status, uncertain: true } : status;
}

/** Every allegation, in the order they occurred: kept by the live log when the view has it. */
function allegations(ctx: EvalContext): Allegation[] {
  if (ctx.view.live) return ctx.view.live.allegations();
  return ctx.view.kind('violation.alleged').map((e) => allegationRecord(ctx.view, e));
}

/** A status whose deadline moved says how much and why, in its fields and its explanation. */
function withMove(ctx: EvalContext, s: ObligationStatus): ObligationStatus {
  const moved = deadlineMove(ctx, s);
  return moved ? { ...s, moved, explanation: [...s.explanation, movePhrase(ctx, moved)] } : s;
}

/**
 * The conditional provisions the plan could not date (they wait on a window) whose condition the
 * record shows met: provision id → that moment, to place them from it.
 */
function metOnRecord(ctx: EvalContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of ctx.eplan.plan.waiting) {
    const at = ctx.conditionMet.get(w.provision);
    if (w.reason === 'window' && at !== undefined) out[w.provision] = ctx.view.iso(at);
  }
  return out;
}

/** The evaluation of the log in `state` against the agreement, as it stood at `asOf`. */
export function evaluateState(
  agreement: Agreement,
  state: LogState,
  asOf: string,
  options: EvaluateOptions = {},
): Evaluation {
  return evaluateWith(agreement, state, asOf, options, undefined);
}

/** The live log of an evaluator, with the judgments it keeps per set of conditions met on record. */
interface Live {
  log: LiveLog;
  memos: Map<string, JudgmentMemo>;
}

/** At most this many sets of conditions met on record keep their judgments (in practice one or two). */
const MEMOS = 4;

function memoOf(live: Live, conditionsMet: Record<string, string> | undefined): JudgmentMemo {
  const key = JSON.stringify(conditionsMet ?? null);
  let memo = live.memos.get(key);
  if (!memo) {
    if (live.memos.size >= MEMOS) live.memos.clear();
    memo = new JudgmentMemo(live.log);
    live.memos.set(key, memo);
  }
  return memo;
}

/** What every judgment of a result rests on: the plan in force, the records of phases and exchanges, the labels. */
type Basis = Pick<EvalContext, 'eplan' | 'ended' | 'exchanges' | 'labels'>;

function basisOf(
  agreement: Agreement,
  view: LogView,
  options: EvaluateOptions,
  conditionsMet: Record<string, string> | undefined,
): Basis {
  const eplan = effectivePlan(agreement, view, options.counts, conditionsMet);
  return {
    eplan,
    ended: phaseEnds({ view }),
    exchanges: exchangeRecords(agreement, view, eplan.obligations),
    labels: labelsOf(
      agreement,
      view.kind('actor.registered').map((e) => e.event.body as unknown as Registration),
    ),
  };
}

function evaluateWith(
  agreement: Agreement,
  state: LogState,
  asOf: string,
  options: EvaluateOptions,
  live: Live | undefined,
  conditionsMet?: Record<string, string>,
): Evaluation {
  const at = parseAsOf(asOf);
  const view = new LogView(state, at, agreement.timeZone, live?.log);
  // With the live log (a moment at or after the last event), what the statuses rest on and each
  // status are kept with what they read, and handed out again while that holds (JudgmentMemo).
  const memo = live && view.live ? memoOf(live, conditionsMet) : undefined;
  const reads = view.live?.reads;
  const build = () => basisOf(agreement, view, options, conditionsMet);
  const ctx: EvalContext = {
    agreement,
    view,
    timeZone: agreement.timeZone,
    get asOf() {
      reads?.moment();
      return at;
    },
    clock: new Clock(at, reads),
    shift: new ReadMap('shift', reads),
    waiting: new ReadMap('waiting', reads),
    conditionMet: new ReadMap('conditionMet', reads),
    keep: (_, judge) => judge(),
    ...(memo ? memo.rest(at, build) : build()),
  };
  const { eplan } = ctx;
  const maps = [ctx.shift, ctx.waiting, ctx.conditionMet] as ReadMap<unknown>[];
  /** `judge`'s value, or with the live log the one kept under `key` while it holds. */
  const kept: Keep = (key, judge, inputs = [], handedOut = true) =>
    memo ? memo.judged(key, at, maps, judge, inputs, handedOut) : judge();
  ctx.keep = (key, judge, inputs = []) => kept(key, judge, inputs, false);
  const byProvision = new Map<string, ObligationStatus[]>();
  // Provisions in dependency order: a conditional one once the provision it waits for is judged.
  let pending = [...agreement.provisions];
  while (pending.length) {
    const ready = pending.filter((p) => !p.condition || byProvision.has(p.condition.provision));
    const next = ready.length ? ready : pending;
    for (const p of next) {
      if (p.condition) conditionState(ctx, p, byProvision.get(p.condition.provision) ?? []);
      const own = eplan.obligations.filter((o) => o.provision === p.id);
      byProvision.set(
        p.id,
        own.map((o) => kept(`obligation ${o.id}`, () => withMove(ctx, obligationStatus(ctx, p, o)))),
      );
    }
    pending = pending.filter((p) => !next.includes(p));
  }
  // A condition with no fixed day, met on the record: planned again with it placed from that moment.
  if (conditionsMet === undefined) {
    const met = metOnRecord(ctx);
    if (Object.keys(met).length) return evaluateWith(agreement, state, asOf, options, live, met);
  }
  const obligations = eplan.obligations.map(
    (o) => byProvision.get(o.provision)!.find((s) => s.obligation.id === o.id)!,
  );
  const { directions, ratios, unplacedNotes } = kept('exchanges', () => {
    const directions = [...ctx.exchanges.values()].flatMap((x) => tallies(x));
    const ratios = [...ctx.exchanges.values()]
      .map((x) => {
        const [fwd, back] = directions.filter((d) => d.provision === x.exchange.id);
        return ratioCheck(agreement, x, fwd!, back!, byProvision.get(x.exchange.id) ?? []);
      })
      .filter((r) => r !== null);
    const unplaced = [...ctx.exchanges.values()].flatMap((x) => x.unplaced);
    return {
      directions,
      ratios,
      unplacedNotes: unplaced.map((r) =>
        phrase('note.no-batch', { event: { type: 'event', hash: r.entry.hash, kind: r.entry.event.kind } }),
      ),
    };
    // A shortfall is under way or final by the statuses of the exchange's obligations.
  }, [ctx.exchanges, ...[...ctx.exchanges.values()].flatMap((x) => byProvision.get(x.exchange.id) ?? [])]);
  const evaluation: Evaluation = {
    agreement: agreement.id,
    asOf: view.iso(at),
    events: view.live ? state.byHash.size : [...state.byHash.values()].filter((e) => e.at <= at).length,
    phases: kept('phases', () => phaseRecords(ctx), [eplan, ctx.ended]),
    // An extension's record reads the statuses of the obligations it created.
    extensions: kept('extensions', () => extensionRecords(ctx, obligations), [
      eplan,
      ...obligations.filter((s) => eplan.createdBy.has(s.obligation.id)),
    ]),
    provisions: agreement.provisions.map((p) => {
      const own = byProvision.get(p.id) ?? [];
      return kept(`provision ${p.id}`, () => provisionStatus(ctx, p, own), own);
    }),
    obligations,
    exchanges: { directions, ratios },
    figures: figureSets(view, agreement, kept),
    allegations: allegations(ctx),
    dates: eplan.plan.dates,
    placedOnRecord: eplan.plan.placedOnRecord,
    notes: [...eplan.notes, ...unplacedNotes],
  };
  if (!memo) return orderEvidence(evaluation, state);
  // Every evidence list in the order its events occurred: those of the judgments made for this
  // result, and of what is not kept; a judgment kept was put in order when first handed out.
  const { allegations: all, dates, placedOnRecord, notes } = evaluation;
  orderEvidence([memo.taken(), all, dates, placedOnRecord, notes], state);
  return evaluation;
}

/**
 * The reducer: an initial state, `apply` for each event as it is appended, `result` at any moment.
 * Applying events in any order gives the same state. `apply` indexes the event and updates the live
 * tallies it touches (LiveLog); `result` for a moment at or after the last event reads those tallies
 * (work per obligation and per group of figures, not per event), and for an earlier moment
 * evaluates from the indexed state, as `evaluateState` does.
 */
export function createEvaluator(agreement: Agreement, options: EvaluateOptions = {}) {
  const state = emptyState();
  const log = new LiveLog(state, agreement.timeZone);
  const live: Live = { log, memos: new Map() };
  return {
    state,
    apply(event: LoggedEvent) {
      const entry = applyEvent(state, event);
      if (entry) log.apply(entry);
    },
    result(asOf: string): Evaluation {
      return evaluateWith(agreement, state, asOf, options, live);
    },
  };
}

/**
 * Every provision and obligation of `agreement` judged from `events` as they stood at `asOf`. One
 * evaluation, so no live tallies: the events indexed, then evaluated from the indexed state.
 */
export function evaluate(
  agreement: Agreement,
  events: LoggedEvent[],
  asOf: string,
  options: EvaluateOptions = {},
): Evaluation {
  const state = emptyState();
  for (const e of events) applyEvent(state, e);
  return evaluateState(agreement, state, asOf, options);
}
