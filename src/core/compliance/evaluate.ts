import type { Agreement, Provision } from '../agreement/types.ts';
import type { Obligation } from '../plan/types.ts';
import { type Phrase, phrase } from '../words/phrase.ts';
import { actFacts } from './act-status.ts';
import { allegationRecord } from './allegation-record.ts';
import { conditionState } from './condition.ts';
import type { EvalContext } from './context.ts';
import { type DeadlineMove, deadlineMove, movePhrase } from './deadline-move.ts';
import { type EffectivePlan, effectivePlan } from './effective-plan.ts';
import { orderEvidence } from './evidence-order.ts';
import { exchangeRecords } from './exchange-records.ts';
import { exchangeFacts } from './exchange-status.ts';
import { figureSets } from './figures.ts';
import { JudgmentMemo, type Keep } from './judgment-memo.ts';
import { labelsOf, type Registration } from './labels.ts';
import { LiveLog } from './live-log.ts';
import { applyEvent, emptyState, type LogState } from './log-state.ts';
import { verdictOf } from './obligation-result.ts';
import { extensionRecords, phaseEnds, phaseRecords } from './phase-records.ts';
import { provisionStatus } from './provision-status.ts';
import { quotaFacts, quotaVerdict } from './quota-status.ts';
import { Clock, ReadMap } from './read-record.ts';
import { ratioCheck, tallies } from './tally.ts';
import type { Allegation, EvaluateOptions, Evaluation, LoggedEvent, ObligationStatus } from './types.ts';
import { undatedOpeningStatus } from './undated-opening.ts';
import { LogView } from './view.ts';
import { type MeasuresShown, measuresOver, withMeasures } from './with-measures.ts';

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

/**
 * What an obligation's status is judged from: what the log says of it (its facts, the measures
 * recorded over it, why its deadline moved), which changes only with the events it read; and
 * `verdict`, its status at the moment of a context, the one part that may change with the clock
 * alone (its deadline passes, the next minute overdue).
 */
interface ObligationFacts {
  verdict: (ctx: EvalContext) => ObligationStatus;
  measures: MeasuresShown | null;
  move: { moved: DeadlineMove; words: Phrase } | null;
}

function factsOf(ctx: EvalContext, p: Provision, o: Obligation): ObligationFacts {
  let verdict: ObligationFacts['verdict'];
  let evidence: readonly string[];
  let due: string | null;
  // People through a crossing per day are a quantity, counted from crossing.throughput figures.
  const quota =
    o.action === 'admit-aid' ||
    o.action === 'deliver-extra' ||
    o.action === 'evacuate' ||
    (o.action === 'let-cross' && o.quantity !== undefined);
  if (p.kind === 'crossing' && o.noAgreedDate) {
    // Never late (no date was agreed): nothing of it changes with the clock.
    const status = undatedOpeningStatus(ctx, p, o);
    verdict = () => status;
    ({ evidence, due } = status);
  } else if (quota && p.kind !== 'exchange') {
    const facts = quotaFacts(ctx, p, o);
    verdict = (at) => quotaVerdict(at, p, o, facts);
    ({ evidence, dueIso: due } = facts);
  } else {
    const prepared =
      p.kind === 'exchange' ? exchangeFacts(ctx, o, ctx.exchanges.get(p.id)!) : actFacts(ctx, p, o);
    verdict = (at) => verdictOf(at, prepared);
    ({ evidence, due } = prepared);
  }
  const moved = deadlineMove(ctx, o, due);
  return {
    verdict,
    measures: measuresOver(ctx, p, o, evidence),
    move: moved && { moved, words: movePhrase(ctx, moved) },
  };
}

/**
 * An obligation's status at the moment of `ctx` from its facts: its verdict, with the measures
 * recorded over it beside it, the mark of an uncertain term (late or overdue against a deadline
 * the agreement does not state firmly rests on it: ⚠ too), and how much and why its deadline moved.
 */
function statusFrom(ctx: EvalContext, o: Obligation, facts: ObligationFacts): ObligationStatus {
  let status = facts.verdict(ctx);
  if (facts.measures) status = withMeasures(status, facts.measures);
  const onDeadline =
    o.deadline !== undefined && (status.lateMinutes !== undefined || status.overdueMinutes !== undefined);
  if (o.uncertain || onDeadline) status = { ...status, uncertain: true };
  const { move } = facts;
  return move ? { ...status, moved: move.moved, explanation: [...status.explanation, move.words] } : status;
}

/** Every allegation, in the order they occurred: kept by the live log when the view has it. */
function allegations(ctx: EvalContext): Allegation[] {
  if (ctx.view.live) return ctx.view.live.allegations();
  return ctx.view.kind('violation.alleged').map((e) => allegationRecord(ctx.view, e));
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

const owned = new WeakMap<EffectivePlan, Map<string, Obligation[]>>();

/** The obligations of each provision, in the plan's order: found once per plan in force. */
function ownObligations(eplan: EffectivePlan): Map<string, Obligation[]> {
  let byProvision = owned.get(eplan);
  if (!byProvision) {
    byProvision = new Map();
    for (const o of eplan.obligations) {
      const list = byProvision.get(o.provision);
      if (list) list.push(o);
      else byProvision.set(o.provision, [o]);
    }
    owned.set(eplan, byProvision);
  }
  return byProvision;
}

const createdOf = new WeakMap<EffectivePlan, Obligation[]>();

/** What the extensions' records are judged from: the statuses and evidence of the obligations they created. */
function extensionInputs(eplan: EffectivePlan, statusOf: Map<Obligation, ObligationStatus>): unknown[] {
  let created = createdOf.get(eplan);
  if (!created) {
    created = eplan.obligations.filter((o) => eplan.createdBy.has(o.id));
    createdOf.set(eplan, created);
  }
  const inputs: unknown[] = [eplan];
  for (const o of created) {
    const s = statusOf.get(o)!;
    inputs.push(s.status, s.evidence);
  }
  return inputs;
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
    keep: (_, __, judge) => judge(),
    ...(memo ? memo.rest(at, build) : build()),
  };
  const { eplan } = ctx;
  const maps = [ctx.shift, ctx.waiting, ctx.conditionMet] as ReadMap<unknown>[];
  /** `judge`'s value, or with the live log the one kept under `key` while it holds. */
  const kept: Keep = (name, id, judge, inputs = [], handedOut = true) =>
    memo ? memo.judged(name, id, at, maps, judge, inputs, handedOut) : judge();
  ctx.keep = (name, id, judge, inputs = []) => kept(name, id, judge, inputs, false);
  const byProvision = new Map<string, ObligationStatus[]>();
  const statusOf = new Map<Obligation, ObligationStatus>();
  // Provisions in dependency order: a conditional one once the provision it waits for is judged.
  let pending = [...agreement.provisions];
  while (pending.length) {
    const ready = pending.filter((p) => !p.condition || byProvision.has(p.condition.provision));
    const next = ready.length ? ready : pending;
    for (const p of next) {
      if (p.condition) conditionState(ctx, p, byProvision.get(p.condition.provision) ?? []);
      const own = ownObligations(eplan).get(p.id) ?? [];
      byProvision.set(
        p.id,
        own.map((o) => {
          // Its facts, then its status from them: when only the clock moved, only the verdict is
          // judged again (the facts are found kept, without asking what they read).
          const facts = kept('obligation facts', o.id, () => factsOf(ctx, p, o), [], false);
          const s = kept('obligation', o.id, () => statusFrom(ctx, o, facts), [facts]);
          statusOf.set(o, s);
          return s;
        }),
      );
    }
    pending = pending.filter((p) => !next.includes(p));
  }
  // A condition with no fixed day, met on the record: planned again with it placed from that moment.
  if (conditionsMet === undefined) {
    const met = metOnRecord(ctx);
    if (Object.keys(met).length) return evaluateWith(agreement, state, asOf, options, live, met);
  }
  const obligations = eplan.obligations.map((o) => statusOf.get(o)!);
  const { directions, ratios, unplacedNotes } = kept(
    'exchanges',
    '',
    () => {
      const directions = [...ctx.exchanges.values()].flatMap((x) => tallies(x, (ms) => view.localDate(ms)));
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
    },
    // A shortfall is under way or final by the statuses of the exchange's obligations.
    [ctx.exchanges, ...[...ctx.exchanges.values()].flatMap((x) => byProvision.get(x.exchange.id) ?? [])],
  );
  const evaluation: Evaluation = {
    agreement: agreement.id,
    asOf: view.iso(at),
    events: view.live ? state.byHash.size : [...state.byHash.values()].filter((e) => e.at <= at).length,
    phases: kept('phases', '', () => phaseRecords(ctx), [eplan, ctx.ended]),
    // An extension's record reads the statuses and evidence of the obligations it created: judged
    // again when one of those changes, not when one is only overdue by another minute.
    extensions: kept(
      'extensions',
      '',
      () => extensionRecords(ctx, obligations),
      extensionInputs(eplan, statusOf),
    ),
    provisions: agreement.provisions.map((p) => {
      const own = byProvision.get(p.id) ?? [];
      return kept('provision', p.id, () => provisionStatus(ctx, p, own), own);
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
