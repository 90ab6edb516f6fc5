import type { Provision } from '../agreement/types.ts';
import type { Obligation } from '../plan/types.ts';
import { obligationArg } from '../words/obligation-arg.ts';
import { type Arg, deadline, list, moment, type Phrase, phrase, quote, sentence } from '../words/phrase.ts';
import { breachItems } from './breach-words.ts';
import { dueAt, type EvalContext } from './context.ts';
import { derivedAlong } from './derived-once.ts';
import type { Entry } from './log-state.ts';
import { type Prepared, prepare } from './obligation-result.ts';
import { eachOnce, onceAlready, orderedUnion } from './ordered-hashes.ts';
import type { Dispute } from './types.ts';

/** The negotiation events recorded besides talks.started. */
export const NEGOTIATION_EVENTS = [
  'delegation.arrived',
  'round.ended',
  'proposal.submitted',
  'response.given',
];

/** Where an allegation stands (TRUTH.md rule 4): the alleging side's claim until someone answers it. */
export type AllegationState = 'open' | 'disputed' | 'acknowledged' | 'withdrawn' | 'resolved';

/** The state of one allegation, with the events that answered it. */
export function allegationState(
  ctx: Pick<EvalContext, 'view'>,
  a: Entry,
): {
  state: AllegationState;
  finding?: 'breach' | 'no-breach';
  /** The answer that gave it its state, when resolved or acknowledged: the last finding, the first acknowledgement. */
  answer?: Entry;
  answers: Entry[];
  disputes: Dispute[];
} {
  const body = a.event.body as { against: string };
  const withdrawn = ctx.view
    .refsTo(a.hash, 'allegation.withdrawn')
    .filter((w) => w.event.actor === a.event.actor);
  const resolved = ctx.view.refsTo(a.hash, 'allegation.resolved');
  const acks = ctx.view
    .refsTo(a.hash, 'acknowledgement')
    .filter((k) => ctx.view.role(k.event.actor) && actsFor(ctx, k.event.actor, body.against));
  const disputes = ctx.view.disputes(a).filter((d) => actsFor(ctx, d.disputedBy.actor, body.against));
  const answers = [...withdrawn, ...resolved, ...acks, ...ctx.view.refsTo(a.hash, 'dispute')];
  if (withdrawn.length) return { state: 'withdrawn', answers, disputes };
  const last = resolved.at(-1);
  if (last)
    return {
      state: 'resolved',
      finding: last.event.body.finding as 'breach' | 'no-breach',
      answer: last,
      answers,
      disputes,
    };
  if (acks.length) return { state: 'acknowledged', answer: acks[0]!, answers, disputes };
  if (disputes.length) return { state: 'disputed', answers, disputes };
  return { state: 'open', answers, disputes };
}

/**
 * A breach on record against a provision: an allegation the accused acknowledged, or one a
 * mediator (or the operator) resolved as a breach. The two are never told as one another: an
 * acknowledgement is the accused's own word, a finding is the word of whoever made it.
 */
export interface RecordedBreach {
  allegation: Entry;
  how: 'acknowledged' | 'found';
  /** The answer that made it a breach: the accused's acknowledgement, or the finding in force. */
  answer: Entry;
  /** The allegation and every answer to it. */
  evidence: Entry[];
}

/**
 * Allegations against a provision. Only a dispute recorded by the accused makes one a dispute;
 * an acknowledgement by the accused, or a mediator's finding of breach, makes it a breach (kept
 * apart: `how`); a withdrawn allegation, or one resolved as no breach, no longer counts. An
 * allegation nobody answered is `unanswered`: the alleging side's claim, shown as such, never a
 * verdict.
 */
export function allegationsAgainst(
  ctx: EvalContext,
  provision: string,
  party?: string,
  from = Number.NEGATIVE_INFINITY,
  to = Number.POSITIVE_INFINITY,
): { open: Dispute[]; breaches: RecordedBreach[]; unanswered: Entry[] } {
  if (ctx.view.live && from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY)
    return ctx.view.live.allegationsAgainst(provision, party, () => sortAllegations(ctx, provision, party));
  return sortAllegations(ctx, provision, party, from, to);
}

function sortAllegations(
  ctx: EvalContext,
  provision: string,
  party?: string,
  from = Number.NEGATIVE_INFINITY,
  to = Number.POSITIVE_INFINITY,
): { open: Dispute[]; breaches: RecordedBreach[]; unanswered: Entry[] } {
  const open: Dispute[] = [];
  const breaches: RecordedBreach[] = [];
  const unanswered: Entry[] = [];
  for (const a of ctx.view.kind('violation.alleged')) {
    const body = a.event.body as { against: string; provision?: string; description: string };
    if (body.provision !== provision || (party && body.against !== party)) continue;
    if (a.at < from || a.at > to) continue;
    const s = ctx.view.live ? ctx.view.live.allegationStanding(a) : allegationState(ctx, a);
    if (s.state === 'acknowledged' || (s.state === 'resolved' && s.finding === 'breach'))
      breaches.push({
        allegation: a,
        how: s.state === 'acknowledged' ? 'acknowledged' : 'found',
        answer: s.answer!,
        evidence: [a, ...s.answers],
      });
    else if (s.state === 'disputed')
      open.push(
        ...s.disputes.map((d) => ({
          ...d,
          disputedBy: { ...d.disputedBy, allegation: body.description },
        })),
      );
    else if (s.state === 'open') unanswered.push(a);
  }
  return { open, breaches, unanswered };
}

/**
 * The hashes of unanswered allegations, in the order they occurred (as listed); with the live log,
 * built once per list it hands out.
 */
export function unansweredHashes(ctx: EvalContext, entries: Entry[]): readonly string[] {
  if (!ctx.view.live) return eachOnce(entries.map((a) => a.hash));
  const hashes = derivedAlong(entries, 'hashes', (a) => a.hash);
  onceAlready(hashes);
  return hashes;
}

/** Unanswered allegations: who alleges what, and that nobody has answered, one phrase each. */
export function unansweredPhrases(ctx: EvalContext, entries: Entry[]): Phrase[] {
  // With the live log, once per list it hands out (its labels change only with a registration,
  // which makes it hand out new lists).
  return ctx.view.live
    ? (derivedAlong(entries, 'phrases', (a) => phraseOf(ctx, a)) as Phrase[])
    : entries.map((a) => phraseOf(ctx, a));
}

function phraseOf(ctx: Pick<EvalContext, 'labels'>, a: Entry): Phrase {
  return phrase('allegation.unanswered', {
    actor: ctx.labels.actorArg(a.event.actor),
    description: quote(String(a.event.body.description)),
  });
}

/** An obligation as the head of its explanation, with its deadline when it has one. */
export function obligationHead(ctx: EvalContext, o: Obligation, due: number | null): Arg {
  const what = obligationArg(o);
  // A deadline at midnight reads as the end of the day before it (deadline): "by 20 November" is "due
  // by the end of 20 Nov", not "due 21 Nov 00:00", which names the wrong day.
  return due === null ? what : phrase('head.paren-due', { what, due: deadline(due, ctx.timeZone) });
}

function actsFor(ctx: Pick<EvalContext, 'view'>, actor: string, party: string): boolean {
  const reg = ctx.view
    .kind('actor.registered')
    .filter((e) => (e.event.body as { actor: string }).actor === actor)
    .at(-1);
  return (reg?.event.body as { party?: string } | undefined)?.party === party || actor === party;
}

function finish(
  ctx: EvalContext,
  o: Obligation,
  facts: Parameters<typeof prepare>[3],
  due: number | null,
  evidence: string[],
  record: Arg[],
): Prepared {
  const head = obligationHead(ctx, o, due);
  const done = facts.required !== undefined ? { done: facts.done ?? 0 } : {};
  return prepare(o, ctx, due, { ...facts, ...done }, evidence, head, record);
}

/**
 * Withdrawals and crossings (acts with an event of their own), pauses, returns and negotiations:
 * what the log says of the act, to be judged at a moment by verdictOf.
 */
export function actFacts(ctx: EvalContext, p: Provision, o: Obligation): Prepared {
  const due = dueAt(ctx, o);
  const waits = ctx.waiting.get(p.id);
  const common = { ...(waits ? { waitsFor: waits } : {}) };
  const tz = ctx.timeZone;
  if (p.kind === 'withdrawal') {
    const records = ctx.view.current('withdrawal.completed').filter((r) => r.body.provision === p.id);
    const zones = new Set<string>();
    let doneAt: number | undefined;
    for (const r of records) {
      for (const z of r.body.zones as string[]) if (p.zones.some((x) => x.id === z)) zones.add(z);
      if (zones.size === p.zones.length && doneAt === undefined) doneAt = r.entry.at;
    }
    const record: Arg[] = records.length
      ? [
          phrase('record.withdrawal', {
            zones: list(
              [...zones].sort().map((id) => ({ type: 'place', id })),
              'comma',
            ),
            last: moment(records.at(-1)!.entry.at, tz),
          }),
          // What is left: the zones no withdrawal is recorded from, named, in the agreement's order.
          ...(zones.size < p.zones.length
            ? [
                phrase('record.withdrawal-rest', {
                  zones: list(
                    p.zones.filter((z) => !zones.has(z.id)).map((z) => ({ type: 'place', id: z.id })),
                    'comma',
                  ),
                }),
              ]
            : []),
        ]
      : [];
    return finish(
      ctx,
      o,
      {
        required: p.zones.length,
        done: zones.size,
        ...(doneAt !== undefined ? { doneAt } : records.length ? { doneAt: records.at(-1)!.entry.at } : {}),
        anything: records.length > 0,
        disputes: records.flatMap((r) => ctx.view.disputes(r.entry)),
        ...common,
      },
      due,
      records.flatMap((r) => r.evidence),
      record,
    );
  }
  if (p.kind === 'crossing') {
    const opened = ctx.view.current('crossing.opened').filter((r) => r.body.crossing === p.crossing.id);
    const closed = ctx.view.current('crossing.closed').filter((r) => r.body.crossing === p.crossing.id);
    const first = opened[0];
    const lastOpen = opened.at(-1);
    const shut = closed.at(-1);
    const closedNow = shut !== undefined && (!lastOpen || shut.entry.at > lastOpen.entry.at);
    const record: Arg[] = !first
      ? []
      : !closedNow
        ? [phrase('record.opened', { at: moment(first.entry.at, tz) })]
        : shut.body.reason
          ? [
              phrase('record.opened-closed-reason', {
                at: moment(first.entry.at, tz),
                closed: moment(shut.entry.at, tz),
                reason: quote(String(shut.body.reason)),
              }),
            ]
          : [
              phrase('record.opened-closed', {
                at: moment(first.entry.at, tz),
                closed: moment(shut.entry.at, tz),
              }),
            ];
    return finish(
      ctx,
      o,
      {
        ...(first ? { doneAt: first.entry.at } : {}),
        anything: opened.length > 0,
        disputes: [...opened, ...closed].flatMap((r) => ctx.view.disputes(r.entry)),
        ...common,
      },
      due,
      [...opened, ...closed].flatMap((r) => r.evidence),
      record,
    );
  }
  return allegedStatus(ctx, p, o, due);
}

/** Evidence from several lists: with the live log, merged in the order the events occurred (see orderedUnion). */
function evidenceOf(ctx: EvalContext, lists: readonly (readonly string[])[]): string[] {
  return ctx.view.live ? orderedUnion(lists, ctx.view.live.compareHashes) : lists.flat();
}

/**
 * Pauses, returns and negotiations have no event of their own: they are judged by what is alleged
 * against them (violation.alleged, deadline.missed), and met once due when nothing is.
 */
function allegedStatus(ctx: EvalContext, p: Provision, o: Obligation, due: number | null): Prepared {
  const { open, breaches: found, unanswered } = allegationsAgainst(ctx, p.id, o.party);
  const missed = ctx.view.kind('deadline.missed').filter((e) => e.event.body.provision === p.id);
  const breaches = [...found.flatMap((b) => b.evidence), ...missed];
  const disputes = [...open, ...missed.flatMap((m) => ctx.view.disputes(m))];
  const acts = actsOf(ctx, p);
  const tz = ctx.timeZone;
  const record: Arg[] = [
    ...(acts.started && acts.what ? [actRecorded(acts.what, acts.started, tz, ctx)] : []),
    ...acts.notes,
    // A recorded failure in its own words; a breach said as what it is (found, or acknowledged) and by whom.
    ...(missed.length
      ? [
          phrase('record.not-done', {
            items: list(missed.map((b) => quote(String(b.event.body.description)))),
          }),
        ]
      : []),
    ...(found.length
      ? [phrase('record.breaches', { items: list(breachItems(found, ctx.labels, ctx.timeZone)) })]
      : []),
    ...unansweredPhrases(ctx, unanswered),
  ];
  // A negotiation or a return is met only by its recorded act. A pause has no act of its own: with
  // nothing alleged against it, no breach is recorded, and that is not a record that it held
  // (TRUTH.md rule 1): once due and unrecorded (verdictOf), it says so, with that basis.
  const byAbsence =
    o.action === 'pause' && acts.what === null && breaches.length === 0 && unanswered.length === 0;
  const prepared = finish(
    ctx,
    o,
    {
      anything: acts.started !== undefined,
      ...(acts.evidence.length ? { related: true } : {}),
      ...(acts.started ? { doneAt: acts.started.at } : {}),
      breached: breaches.length > 0,
      disputes,
      ...(ctx.waiting.has(p.id) ? { waitsFor: ctx.waiting.get(p.id)! } : {}),
    },
    due,
    evidenceOf(ctx, [
      breaches.map((b) => b.hash),
      open.flatMap((d) => [d.of, d.disputedBy.evidence]),
      // In the order the allegations occurred.
      unansweredHashes(ctx, unanswered),
      acts.started ? [acts.started.hash] : [],
      acts.evidence,
    ]),
    record.length ? record : [phrase('record.nothing')],
  );
  if (!byAbsence) return prepared;
  return {
    ...prepared,
    facts: { ...prepared.facts, noBreachRecorded: true },
    noBreach: [
      sentence([
        obligationHead(ctx, o, due),
        phrase('clause.no-violation-alleged'),
        phrase('clause.no-breach-recorded'),
      ]),
    ],
  };
}

/** An event recorded about a term, named as a reader names it: "event no. 75 (delegation arrived) 27 Feb 12:00 (recorded by Monitor)". */
/** A term's act as recorded: when, by whom, and the source the recorder named for it. */
function actRecorded(what: Phrase, e: Entry, tz: string, ctx: EvalContext): Phrase {
  const params = { act: what, at: moment(e.at, tz), actor: ctx.labels.actorArg(e.event.actor) };
  const source = e.event.source?.name;
  // The recorder's note on the act ("approximate date", "reached with the later stage") is part
  // of what the record says of it: quoted as the recorder's words, beside the act it qualifies.
  const note = e.event.note;
  if (source === undefined)
    return note ? phrase('record.act-note', { ...params, note: quote(note) }) : phrase('record.act', params);
  return note
    ? phrase('record.act-source-note', { ...params, source: quote(source), note: quote(note) })
    : phrase('record.act-source', { ...params, source: quote(source) });
}

export function recordedEvent(ctx: EvalContext, e: Entry): Phrase {
  const params = {
    event: { type: 'event', hash: e.hash, kind: e.event.kind } as const,
    at: moment(e.at, ctx.timeZone),
    actor: ctx.labels.actorArg(e.event.actor),
  };
  // Whose word the record rests on (TRUTH.md rule 4): the source the recorder named, beside them.
  const source = e.event.source?.name;
  return source === undefined
    ? phrase('record.around', params)
    : phrase('record.around-source', { ...params, source: quote(source) });
}

/** The recorded act of a negotiation (talks started), a return (started, blocked, resumed) or a milestone (reached). */
function actsOf(
  ctx: EvalContext,
  p: Provision,
): { what: Phrase | null; started?: Entry; notes: Phrase[]; evidence: string[] } {
  const tz = ctx.timeZone;
  if (p.kind === 'negotiation') {
    const started = ctx.view.kind('talks.started').find((e) => e.event.body.provision === p.id);
    // Delegations, rounds, proposals and responses are shown with the talks; only talks.started
    // is the act the term asks for.
    const around = NEGOTIATION_EVENTS.flatMap((k) => ctx.view.kind(k))
      .filter((e) => e.event.body.provision === p.id)
      .sort((a, b) => a.at - b.at || (a.hash < b.hash ? -1 : 1));
    return {
      what: phrase('act.talks-started'),
      ...(started ? { started } : {}),
      notes: around.map((e) => recordedEvent(ctx, e)),
      evidence: around.map((e) => e.hash),
    };
  }
  if (p.kind === 'displaced-return') {
    const started = ctx.view.kind('return.started').find((e) => e.event.body.provision === p.id);
    const stops = [
      ...ctx.view.kind('return.blocked').filter((e) => e.event.body.provision === p.id),
      ...ctx.view.kind('return.resumed').filter((e) => e.event.body.provision === p.id),
    ].sort((a, b) => a.at - b.at);
    const notes = stops.map((e) =>
      e.event.kind === 'return.blocked'
        ? phrase('record.blocked', {
            at: moment(e.at, tz),
            reason: quote(String(e.event.body.reason)),
            actor: ctx.labels.actorArg(e.event.actor),
          })
        : phrase('record.resumed', { at: moment(e.at, tz) }),
    );
    return {
      what: phrase('act.return-started'),
      ...(started ? { started } : {}),
      notes,
      evidence: stops.map((e) => e.hash),
    };
  }
  if (p.kind === 'milestone') {
    const reached = ctx.view.kind('milestone.reached').find((e) => e.event.body.provision === p.id);
    return { what: phrase('act.reached'), ...(reached ? { started: reached } : {}), notes: [], evidence: [] };
  }
  return { what: null, notes: [], evidence: [] };
}
