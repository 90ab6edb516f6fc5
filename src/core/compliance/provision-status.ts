import type { Provision } from '../agreement/types.ts';
import { restsOnUncertainParty } from '../agreement/uncertain-party.ts';
import {
  approx,
  type Explanation,
  list,
  moment,
  num,
  type Phrase,
  phrase,
  provisionRef,
  qty,
  sentence,
} from '../words/phrase.ts';
import { allegationsAgainst, recordedEvent, unansweredHashes, unansweredPhrases } from './act-status.ts';
import { breachItems } from './breach-words.ts';
import type { EvalContext } from './context.ts';
import { disputesPhrase } from './dispute-words.ts';
import type { Entry } from './log-state.ts';
import { orderedUnion } from './ordered-hashes.ts';
import { phaseSpan } from './phase-span.ts';
import { recordedBeside } from './recorded-beside.ts';
import { recoveredPhrase } from './recovered-words.ts';
import { statedNumber } from './stated-total.ts';
import { tallies } from './tally.ts';
import type { Measure, ObligationStatus, ProvisionStatus, Status } from './types.ts';
import { undatedTerm } from './undated-term.ts';
import { measureClauses } from './with-measures.ts';

/** Which status a provision takes when its obligations differ: the first one present wins. */
export const PRECEDENCE: Status[] = [
  'missed',
  'partly-met',
  'disputed',
  // Nothing recorded comes before on hold: what waits (a release after a handover) waits on it.
  'unrecorded',
  'suspended',
  'met-late',
  'met',
  'superseded',
  'not-yet-due',
];

/**
 * The evidence of some lists, each hash once. With the live log (every event seen) the lists are
 * merged in the order their events occurred; otherwise sorted by hash, as orderEvidence puts every
 * evidence list in that order at the end.
 */
function allOf(ctx: EvalContext, lists: readonly (readonly string[])[]): string[] {
  if (ctx.view.live) return orderedUnion(lists, ctx.view.live.compareHashes);
  return [...new Set(lists.flat())].sort();
}

/**
 * The allegations about a provision made before `from`: read from the start of the log's
 * allegations (in the order they occurred) up to `from` only, not through all of them.
 */
function allegedBefore(ctx: EvalContext, provision: string, from: number): Set<string> {
  const early = new Set<string>();
  for (const a of ctx.view.kind('violation.alleged')) {
    if (a.at >= from) break;
    if (a.event.body.provision === provision) early.add(a.hash);
  }
  return early;
}

/** Cessation and free-text terms hold over their phase and are judged by what is alleged against them. */
function standingStatus(ctx: EvalContext, p: Provision): ProvisionStatus {
  const span = phaseSpan(ctx, p);
  const alleged = allegationsAgainst(ctx, p.id);
  // An act alleged before the term's phase started (by the record, or at the hour the agreement
  // gives) is no breach of it, nor a dispute about it: the term did not hold yet. Said, not counted.
  const early = span.from === null ? new Set<string>() : allegedBefore(ctx, p.id, span.from);
  // With none before the start (nearly always), the lists are the live log's own, whose phrases and
  // hashes it keeps from one event to the next (a filtered copy would word every allegation again).
  const { open, breaches, unanswered } =
    early.size === 0
      ? alleged
      : {
          open: alleged.open.filter((d) => !early.has(d.of)),
          breaches: alleged.breaches.filter((b) => !early.has(b.allegation.hash)),
          unanswered: alleged.unanswered.filter((e) => !early.has(e.hash)),
        };
  const beforeStart = early.size
    ? [phrase('provision.alleged-before-start', { count: qty(early.size, 'allegation') })]
    : [];
  // A recorded failure (deadline.missed naming the term) is missed, as for every other kind.
  const failures = ctx.view.kind('deadline.missed').filter((e) => e.event.body.provision === p.id);
  const base = {
    provision: p.id,
    kind: p.kind,
    counts: {},
    evidence: allOf(ctx, [
      open.flatMap((d) => [d.of, d.disputedBy.evidence]),
      breaches.flatMap((b) => b.evidence.map((e) => e.hash)),
      unansweredHashes(ctx, unanswered),
      failures.map((e) => e.hash),
    ]),
  };
  // Every allegation is told beside a breach or a dispute, each where it stands: a breach on record
  // does not hide the allegations still disputed or not answered ("1 allegation" beside five
  // unanswered would mislead, and so would none).
  if (failures.length || breaches.length || open.length)
    return {
      ...base,
      status: failures.length || breaches.length ? 'missed' : 'disputed',
      explanation: [
        ...(failures.length
          ? [
              phrase('provision.not-kept', {
                items: list(
                  failures.map((e) =>
                    phrase('provision.not-kept-item', {
                      description: { type: 'quote', text: String(e.event.body.description) },
                      actor: ctx.labels.actorArg(e.event.actor),
                      at: moment(e.at, ctx.timeZone),
                    }),
                  ),
                ),
              }),
            ]
          : []),
        ...(breaches.length
          ? [phrase('provision.breaches', { items: list(breachItems(breaches, ctx.labels, ctx.timeZone)) })]
          : []),
        ...(open.length
          ? [
              failures.length || breaches.length
                ? // Beside a breach, said as every other kind says it (allegationParts).
                  phrase('provision.alleged-disputed', { disputes: disputesPhrase(open, ctx.labels) })
                : phrase('provision.allegations', {
                    count: qty(open.length, 'allegation'),
                    disputes: disputesPhrase(open, ctx.labels),
                  }),
            ]
          : []),
        ...(unanswered.length
          ? [
              phrase('provision.not-answered', {
                count: qty(unanswered.length, 'allegation'),
                items: list(unansweredPhrases(ctx, unanswered)),
              }),
            ]
          : []),
        ...beforeStart,
      ],
    };
  if (span.from === null || ctx.clock.before(span.from))
    return {
      ...base,
      status: 'not-yet-due',
      explanation: [phrase('provision.phase-not-started'), ...beforeStart],
    };
  // An allegation nobody answered is the alleging side's claim: not a dispute, not a verdict, and
  // the term can no longer be said to have held.
  if (unanswered.length)
    return {
      ...base,
      status: 'unrecorded',
      explanation: [sentence(unansweredPhrases(ctx, unanswered)), ...beforeStart],
    };
  // No allegation is no record of a breach, and no record that the term held either (TRUTH.md rule 1).
  return {
    ...base,
    status: 'unrecorded',
    basis: 'no-breach-recorded',
    explanation: [
      span.to !== null
        ? phrase('provision.no-violation-ended', {
            provision: provisionRef(p.id),
            at: moment(span.to, ctx.timeZone),
          })
        : phrase('provision.no-violation-so-far', { provision: provisionRef(p.id) }),
      ...beforeStart,
    ],
  };
}

/** The status of a provision from its obligations, with what was recorded about it beside it. */
export function provisionStatus(
  ctx: EvalContext,
  p: Provision,
  obligations: ObligationStatus[],
): ProvisionStatus {
  // What is recorded beside it changes only with events, not with its obligations' verdicts.
  const beside = ctx.keep('beside', p.id, () => recordedBeside(ctx, p));
  // Remains recovered without a handover, each in its own words (never counted as returned).
  const recovered = (beside.recovered ?? []).map((r) => recoveredPhrase(r, ctx.labels, ctx.timeZone));
  const judged = judgedProvision(ctx, p, obligations, recovered);
  // Measures over the term that no obligation of it tells (aid halted after its last day, say):
  // said of the term itself, never left to its data alone.
  const told = new Set(
    obligations.flatMap((o) =>
      [...(o.postponed ?? []), ...(o.suspended ?? []), ...(o.capped ?? [])].flatMap((m) => m.evidence),
    ),
  );
  const untold = (ms: readonly Measure[] | undefined) =>
    (ms ?? []).filter((m) => !m.evidence.every((h) => told.has(h)));
  const clauses = [
    ...measureClauses(ctx, {
      postponed: untold(beside.postponed),
      suspended: untold(beside.suspended),
      capped: untold(beside.capped),
    }),
    // A term with no obligation tells them with what else was recorded of it (judgedProvision).
    ...(obligations.length ? recovered : []),
  ];
  const status = clauses.length
    ? {
        ...judged,
        explanation: [...judged.explanation, phrase('provision.measures', { items: list(clauses) })],
      }
    : judged;
  const basis =
    status.basis ??
    (status.status === 'unrecorded' &&
    obligations.some((o) => o.basis) &&
    obligations.every((o) => o.basis || o.status === 'not-yet-due' || o.status === 'superseded')
      ? ('no-breach-recorded' as const)
      : undefined);
  // A status resting on an uncertain term carries the mark (TRUTH.md rule 2).
  const undisclosed = obligations.some((o) => o.undisclosed);
  const uncertain =
    ('uncertain' in p && p.uncertain === true) ||
    restsOnUncertainParty(ctx.agreement, p) ||
    obligations.some((o) => o.uncertain && o.status !== 'not-yet-due' && o.status !== 'superseded');
  return {
    ...status,
    ...beside,
    ...(basis ? { basis } : {}),
    ...(undisclosed ? { undisclosed: true as const } : {}),
    ...(uncertain ? { uncertain: true as const } : {}),
    // Kept while its lists are the same (with the live log, until one of them changes).
    evidence: ctx.keep(
      'evidence shown of',
      p.id,
      () =>
        allOf(ctx, [
          status.evidence,
          (beside.recovered ?? []).flatMap((r) => r.evidence),
          (beside.events ?? []).flatMap((r) => r.evidence),
          (beside.enforced ?? []).flatMap((r) => r.evidence),
        ]),
      [status.evidence, beside],
    ),
  };
}

/** The kinds of event that are a provision's own act, by its kind (what would meet its obligations). */
const ACTS: Partial<Record<Provision['kind'], string[]>> = {
  crossing: ['crossing.opened', 'crossing.closed'],
  withdrawal: ['withdrawal.completed'],
  'displaced-return': ['return.started', 'return.blocked', 'return.resumed'],
  negotiation: ['talks.started'],
  milestone: ['milestone.reached'],
};

/** The events of a provision's own act in the log, in the order they occurred. */
function actsRecorded(ctx: EvalContext, p: Provision): Entry[] {
  const crossing = p.kind === 'crossing' ? p.crossing.id : undefined;
  return (ACTS[p.kind] ?? [])
    .flatMap((k) => ctx.view.kind(k))
    .filter(
      (e) =>
        e.event.body.provision === p.id ||
        (crossing !== undefined &&
          e.event.body.provision === undefined &&
          e.event.body.crossing === crossing),
    )
    .sort((a, b) => a.at - b.at || (a.hash < b.hash ? -1 : 1));
}

/** What the allegations against a provision add to its explanation: breaches on record, disputed, unanswered. */
function allegationParts(
  ctx: EvalContext,
  open: ReturnType<typeof allegationsAgainst>['open'],
  breaches: ReturnType<typeof allegationsAgainst>['breaches'],
  unanswered: ReturnType<typeof allegationsAgainst>['unanswered'],
): Explanation {
  const parts: Explanation = [];
  if (breaches.length)
    parts.push(
      phrase('provision.breaches', { items: list(breachItems(breaches, ctx.labels, ctx.timeZone)) }),
    );
  if (open.length)
    parts.push(phrase('provision.alleged-disputed', { disputes: disputesPhrase(open, ctx.labels) }));
  if (unanswered.length) parts.push(sentence(unansweredPhrases(ctx, unanswered)));
  return parts;
}

/**
 * What each side of an exchange with no batch on the calendar was recorded doing (counted as the
 * whole exchange's record counts it): "1,000 from Russia to Ukraine". None for other provisions.
 */
function exchangedSides(
  ctx: EvalContext,
  p: Provision,
): { sides: { said: Phrase; evidence: string[]; uncertain?: true }[]; complete: boolean } {
  const x = p.kind === 'exchange' ? ctx.exchanges.get(p.id) : undefined;
  if (!x?.whole) return { sides: [], complete: false };
  const sides = tallies(x, (ms) => ctx.view.localDate(ms));
  // Complete when every side released at least the one number the agreement states for it (its
  // total, or the ratio times the other side's); never when it states none or several.
  const complete = sides.every((d) => {
    const stated = statedNumber(d);
    return stated !== undefined && stated > 0 && d.counted >= stated;
  });
  return {
    // A side recorded only with numbers not disclosed is said so: "an undisclosed number from …".
    sides: sides
      .filter((d) => d.counted > 0 || d.undisclosed)
      .map((d) => ({
        said: phrase('record.exchange-side', {
          count: !d.undisclosed
            ? approx(num(d.counted), d.uncertain)
            : d.counted > 0
              ? phrase('count.disclosed-and-undisclosed', { count: approx(num(d.counted), d.uncertain) })
              : phrase('count.undisclosed'),
          from: { type: 'party', id: d.from },
          to: { type: 'party', id: d.to },
        }),
        evidence: d.evidence,
        ...(d.uncertain ? { uncertain: true as const } : {}),
      })),
    complete,
  };
}

function judgedProvision(
  ctx: EvalContext,
  p: Provision,
  obligations: ObligationStatus[],
  recovered: Phrase[],
): ProvisionStatus {
  if (obligations.length === 0) {
    if (p.kind === 'cessation' || p.kind === 'text') return standingStatus(ctx, p);
    const dated = ctx.eplan.plan.dates.filter((d) => d.provision === p.id);
    if (dated.length)
      return {
        provision: p.id,
        kind: p.kind,
        status: 'dated-fact',
        counts: {},
        evidence: [],
        dates: dated,
        explanation: [
          phrase('provision.dated-fact', {
            items: list(
              dated.map((d) =>
                phrase('dated-fact.item', {
                  what: { type: 'fact', provision: d.provision, description: d.description },
                  date:
                    d.date !== null
                      ? { type: 'date', date: d.date }
                      : phrase('dated-fact.day', { day: num(d.day) }),
                }),
              ),
            ),
          }),
        ],
      };
    const waits = ctx.waiting.get(p.id);
    // Its act recorded all the same (a crossing opened before the record shows what it waits for
    // complete; an exchange with no batch on the calendar, whose releases are counted all the
    // same): told in the same sentence.
    const acts = actsRecorded(ctx, p);
    const exchanged = exchangedSides(ctx, p);
    const told = [
      ...acts.map((e) => recordedEvent(ctx, e)),
      ...exchanged.sides.map((s) => s.said),
      ...recovered,
    ];
    const items = list(told);
    const provision = provisionRef(p.id);
    // The rule every kind follows (below): an allegation disputed makes it disputed, one the
    // accused acknowledged (or found a breach) missed, whether or not anything of it is due.
    const { open, breaches, unanswered } = allegationsAgainst(ctx, p.id);
    // Waiting on its condition, it is not judged; else it is a term on no date, owed from the start
    // of its phase: done by the record (an exchange's every side released the number the agreement
    // states for it, a milestone reached) or not.
    const undated = waits
      ? null
      : undatedTerm(ctx, p, {
          count: told.length,
          items,
          complete: exchanged.sides.length > 0 && exchanged.complete,
        });
    const explanation: Explanation = [
      undated
        ? undated.said
        : told.length
          ? phrase('provision.waits-recorded', { provision, waits: waits!, items })
          : phrase('provision.waits', { provision, waits: waits! }),
      ...allegationParts(ctx, open, breaches, unanswered),
    ];
    const base: Status = undated?.status ?? 'not-yet-due';
    return {
      provision: p.id,
      kind: p.kind,
      status: breaches.length
        ? 'missed'
        : open.length && PRECEDENCE.indexOf(base) > PRECEDENCE.indexOf('disputed')
          ? 'disputed'
          : base,
      ...(waits && p.condition ? { waitsOn: p.condition.provision } : {}),
      // Judged on what each side released: a figure given as approximate marks it.
      ...(undated && exchanged.sides.some((s) => s.uncertain) ? { uncertain: true as const } : {}),
      counts: {},
      evidence: allOf(ctx, [
        acts.map((e) => e.hash),
        ...exchanged.sides.map((s) => s.evidence),
        undated?.evidence ?? [],
        open.flatMap((d) => [d.of, d.disputedBy.evidence]),
        breaches.flatMap((b) => b.evidence.map((e) => e.hash)),
        unansweredHashes(ctx, unanswered),
      ]),
      explanation,
    };
  }
  const counts: Partial<Record<Status, number>> = {};
  for (const o of obligations) counts[o.status] = (counts[o.status] ?? 0) + 1;
  // The same rule for every kind: an allegation acknowledged by the accused (or found a breach by a
  // mediator) makes the provision missed; one the accused disputes makes it disputed; one nobody
  // answered is shown as the alleging side's claim and changes nothing.
  const { open, breaches, unanswered } = allegationsAgainst(ctx, p.id);
  let status = PRECEDENCE.find((s) => counts[s]) ?? 'not-yet-due';
  if (open.length && PRECEDENCE.indexOf(status) > PRECEDENCE.indexOf('disputed')) status = 'disputed';
  if (breaches.length) status = 'missed';
  const explanation: Explanation = [
    phrase('provision.summary', {
      count: qty(obligations.length, 'obligation'),
      statuses: list(
        PRECEDENCE.filter((s) => counts[s]).map((s) =>
          phrase('status.count', { count: num(counts[s]!), status: { type: 'status', status: s } }),
        ),
        'comma',
      ),
    }),
  ];
  const notable = obligations.filter((o) => o.status !== 'met' && o.status !== 'not-yet-due');
  const shown = notable.slice(0, 6);
  for (const o of shown) explanation.push(...o.explanation);
  if (notable.length > 6) explanation.push(phrase('provision.more', { count: num(notable.length - 6) }));
  // A breach or an unanswered allegation an obligation shown above tells already (a pause's, a
  // negotiation's) is not told again.
  // The lists stay the same objects when nothing in them is told above.
  const told = new Set(shown.flatMap((o) => o.evidence));
  const untold = <T>(xs: T[], hash: (x: T) => string): T[] =>
    xs.some((x) => told.has(hash(x))) ? xs.filter((x) => !told.has(hash(x))) : xs;
  explanation.push(
    ...allegationParts(
      ctx,
      open,
      untold(breaches, (b) => b.allegation.hash),
      untold(unanswered, (a) => a.hash),
    ),
  );
  return {
    provision: p.id,
    kind: p.kind,
    status,
    counts,
    // Kept while the lists it unites are the same (with the live log, until one of them changes).
    evidence: ctx.keep(
      'evidence of',
      p.id,
      () =>
        allOf(ctx, [
          ...obligations.map((o) => o.evidence),
          open.flatMap((d) => [d.of, d.disputedBy.evidence]),
          breaches.flatMap((b) => b.evidence.map((e) => e.hash)),
          unansweredHashes(ctx, unanswered),
        ]),
      [...obligations.map((o) => o.evidence), open, breaches, unanswered],
    ),
    explanation,
  };
}
