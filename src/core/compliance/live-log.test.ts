import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLazy, plainLists } from './chunked-list.ts';
import { createEvaluator, evaluateState } from './evaluate.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { groupKey } from './live-log.ts';
import { applyEvent, emptyState } from './log-state.ts';
import { packEvidence, unpackEvidence } from './packed-evidence.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { Evaluation, LoggedEvent } from './types.ts';

const agreement = agreementOf(FIXTURE_YAML);
const HOURS = ['07:00', '09:00', '12:00', '15:00', '23:30'];
const SOURCES = ['UN', 'COGAT', 'b'];

/** One step of a random log: what is appended, and which earlier event it answers when it answers one. */
const aStep = fc.record({
  kind: fc.constantFrom(
    'aid',
    'aid',
    'aid',
    'aid-other',
    'correct',
    'correct-other',
    'correct-other',
    'withdraw',
    'dispute',
    'allege',
    'allege',
    'acknowledge',
    'dispute-allegation',
    'withdraw-allegation',
    'resolve',
    'handover',
    'release',
    'extension',
    'phase-started',
    'phase-ended',
    'register',
    'statement',
  ),
  day: fc.integer({ min: 1, max: 4 }),
  hour: fc.constantFrom(...HOURS),
  count: fc.integer({ min: 0, max: 14 }),
  source: fc.constantFrom(...SOURCES),
  target: fc.nat(),
  fraction: fc.boolean(),
});
type Step = typeof aStep extends fc.Arbitrary<infer T> ? T : never;

/** The event of a step, given the events appended before it (answers pick one of those). */
function eventOf(step: Step, before: LoggedEvent[]): LoggedEvent {
  const { kind, day, hour, count, source, target } = step;
  const at = `2024-01-0${day}T${hour}:00+02:00`;
  // Figures fall on two days, so that several add up in one group.
  const date = `2024-01-0${1 + (day % 2)}`;
  const pick = (k: string) => {
    const of = before.filter((e) => e.event.event.kind === k);
    return of.length ? of[target % of.length] : undefined;
  };
  const quantity = step.fraction && kind === 'aid-other' ? count + 0.25 : count;
  const aid = (body: Record<string, unknown>) => logged('med', 'aid.delivered', at, body, source);
  switch (kind) {
    case 'aid':
      return aid({ date, quantity, unit: 'truck', category: 'aid' });
    case 'aid-other':
      // Another line: no category, a destination, a provision named, or a figure over a period.
      return aid(
        [
          { date, quantity, unit: 'truck' },
          { date, quantity, unit: 'truck', category: 'aid', destination: 'north' },
          { provision: 'aid', date, quantity, unit: 'truck', category: 'aid' },
          { date, from: '2024-01-01', quantity, unit: 'truck', category: 'aid' },
        ][target % 4]!,
      );
    case 'correct':
    case 'correct-other': {
      const of = pick('aid.delivered');
      if (!of) return aid({ date, quantity, unit: 'truck', category: 'aid' });
      const body = of.event.event.body;
      // The recorder (entitled), or x (entitled only once registered as a mediator).
      return logged(kind === 'correct' ? 'med' : 'x', 'correction', at, {
        of: of.leafHash,
        reason: 'Recounted.',
        body: { ...body, quantity: count, ...(target % 3 === 0 ? { date } : {}) },
      });
    }
    case 'withdraw': {
      const of = pick('aid.delivered');
      if (!of) return aid({ date, quantity, unit: 'truck', category: 'aid' });
      return logged('med', 'correction', at, { of: of.leafHash, reason: 'Recorded twice.' });
    }
    case 'dispute': {
      const of = pick('aid.delivered');
      if (!of) return aid({ date, quantity, unit: 'truck', category: 'aid' });
      return logged('a', 'dispute', at, { of: of.leafHash, reason: 'We count fewer.', figure: count });
    }
    case 'allege':
      // Against a standing term (cease), or terms whose obligations name a party (neg: a, ret: b).
      return logged(count % 2 ? 'b' : 'a', 'violation.alleged', at, {
        against: count % 2 ? 'a' : 'b',
        provision: ['cease', 'neg', 'ret', 'lp'][target % 4],
        description: `Alleged ${count}.`,
      });
    case 'acknowledge':
    case 'dispute-allegation':
    case 'withdraw-allegation':
    case 'resolve': {
      const of = pick('violation.alleged');
      if (!of)
        return logged('b', 'violation.alleged', at, { against: 'a', provision: 'cease', description: 'A.' });
      const body = of.event.event.body as { against: string };
      if (kind === 'acknowledge') return logged(body.against, 'acknowledgement', at, { of: of.leafHash });
      if (kind === 'dispute-allegation')
        return logged(target % 2 ? body.against : 'med', 'dispute', at, { of: of.leafHash, reason: 'No.' });
      if (kind === 'withdraw-allegation')
        return logged(of.event.event.actor, 'allegation.withdrawn', at, {
          of: of.leafHash,
          reason: 'Wrong.',
        });
      return logged('med', 'allegation.resolved', at, {
        of: of.leafHash,
        finding: target % 2 ? 'breach' : 'no-breach',
        reason: 'Found.',
      });
    }
    case 'handover':
      return logged('a', 'handover.completed', at, {
        provision: 'ex',
        batch: day,
        count: count % 3,
        to: 'b',
      });
    case 'release':
      return logged('b', 'release.completed', at, { provision: 'ex', batch: day, party: 'b', count }, source);
    case 'extension':
      return logged('med', 'extension.agreed', at, { phase: 'p1', days: 1 });
    case 'phase-started':
      return logged('op', 'phase.started', at, { phase: 'p1' });
    case 'phase-ended':
      return logged('op', 'phase.ended', at, { phase: 'p1', reason: 'Ended.' });
    case 'register':
      return logged('op', 'actor.registered', at, {
        actor: 'x',
        name: 'X',
        role: target % 3 ? 'mediator' : 'monitor',
        key: 'x+0',
      });
    default:
      return logged('med', 'statement', at, { text: `Update ${count}.` });
  }
}

/** The evaluation from scratch: a new state from every event, evaluated by the full path. */
function fromScratch(events: LoggedEvent[], asOf: string, against = agreement) {
  const state = emptyState();
  for (const e of events) applyEvent(state, e);
  return evaluateState(against, state, asOf);
}

/** The fixture with its phase open-ended: the plan runs to the day of the moment judged. */
const openEnded = agreementOf(
  FIXTURE_YAML.replace('    lengthDays: 3\n', '').replace(
    '    extension: { days: 1, per: { provision: ex, releases: 2 } }\n',
    '',
  ),
);

const AFTER_ALL = '2024-01-06T00:00:00+02:00';
const PAST = ['2024-01-02T12:00:00+02:00', '2024-01-03T09:00:00+02:00'];

describe('the evaluator kept event by event (LiveLog)', () => {
  it('after each append, its result equals the evaluation from scratch: now, at the last event, and in the past', () => {
    fc.assert(
      fc.property(fc.array(aStep, { minLength: 1, maxLength: 30 }), (steps) => {
        const events: LoggedEvent[] = [...actors()];
        const evaluator = createEvaluator(agreement);
        for (const e of events) evaluator.apply(e);
        const handedOut: { result: unknown; json: string }[] = [];
        for (const step of steps) {
          const e = eventOf(step, events);
          events.push(e);
          evaluator.apply(e);
          const last = events.reduce(
            (a, x) => (Date.parse(x.event.event.occurredAt) > Date.parse(a) ? x.event.event.occurredAt : a),
            events[0]!.event.event.occurredAt,
          );
          for (const asOf of [AFTER_ALL, last, ...PAST]) {
            const got = evaluator.result(asOf);
            const want = fromScratch(events, asOf);
            expect(got).toEqual(want);
            expect(JSON.stringify(got)).toBe(JSON.stringify(want));
            if (asOf === AFTER_ALL) handedOut.push({ result: got, json: JSON.stringify(got) });
          }
        }
        // A result handed out never changes afterwards, whatever is appended later.
        for (const h of handedOut) expect(JSON.stringify(h.result)).toBe(h.json);
      }),
      { numRuns: 40, seed: 20261206 },
    );
  }, 300_000);

  it('after each append, its results at moments on and around deadlines (kept while the clock gives the same answers) equal the evaluation from scratch', () => {
    // Deadlines fall at midnight, 12:00, 15:00 and 18:00: moments on them, a second before the
    // minute overdue rounds up, on it, and later.
    const times = [
      '00:00:00',
      '00:00:29',
      '00:00:30',
      '00:01:30',
      '11:59:59',
      '12:00:00',
      '12:00:30',
      '15:00:29',
    ];
    const moments = [1, 2, 3, 4, 5].flatMap((d) =>
      [...times, '18:00:30', '23:59:59'].map((t) => `2024-01-0${d}T${t}+02:00`),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ step: aStep, at: fc.array(fc.nat({ max: moments.length - 1 }), { maxLength: 4 }) }),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        (plan) => {
          const events: LoggedEvent[] = [...actors()];
          const evaluator = createEvaluator(agreement);
          for (const e of events) evaluator.apply(e);
          let last = Number.NEGATIVE_INFINITY;
          for (const { step, at } of plan) {
            const e = eventOf(step, events);
            events.push(e);
            evaluator.apply(e);
            last = Math.max(last, Date.parse(e.event.event.occurredAt));
            // Moments at or after the last event (the live path); one before it is taken after all.
            for (const i of at) {
              const asOf = Date.parse(moments[i]!) >= last ? moments[i]! : AFTER_ALL;
              expect(JSON.stringify(evaluator.result(asOf))).toBe(JSON.stringify(fromScratch(events, asOf)));
            }
          }
        },
      ),
      { numRuns: 40, seed: 20261208 },
    );
  }, 300_000);

  it.each([
    ['the fixture', agreement, 40, 20261209],
    ['the fixture with its phase open-ended', openEnded, 20, 20261210],
  ] as const)(
    'between appends, results at later and later moments (through deadlines and minute crossings) equal the evaluation from scratch, and under the same plan a status that did not change is the very one handed out before: %s',
    (_, against, numRuns, seed) => {
      // Deadlines fall at midnight, 12:00, 15:00 and 18:00; overdue minutes round up 30 s into each
      // minute: moments a second before a deadline, on it, and on either side of the next crossings.
      const deadlines = [1, 2, 3, 4, 5].flatMap((d) =>
        ['00:00', '12:00', '15:00', '18:00'].map((t) => Date.parse(`2024-01-0${d}T${t}:00+02:00`)),
      );
      const offsets = [-1, 0, 29, 30, 31, 89, 90, 91, 150, 3_629, 3_630];
      const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              step: aStep,
              deadline: fc.nat({ max: deadlines.length - 1 }),
              offsets: fc.subarray(offsets, { minLength: 1 }),
            }),
            { minLength: 1, maxLength: 20 },
          ),
          (plan) => {
            const events: LoggedEvent[] = [...actors()];
            const evaluator = createEvaluator(against);
            for (const e of events) evaluator.apply(e);
            let last = Number.NEGATIVE_INFINITY;
            for (const { step, deadline, offsets: chosen } of plan) {
              const e = eventOf(step, events);
              events.push(e);
              evaluator.apply(e);
              last = Math.max(last, Date.parse(e.event.event.occurredAt));
              let before: Evaluation | undefined;
              for (const offset of chosen) {
                const at = deadlines[deadline]! + offset * 1000;
                if (at < last) continue;
                const got = evaluator.result(iso(at));
                expect(JSON.stringify(got)).toBe(JSON.stringify(fromScratch(events, iso(at), against)));
                // Under the same plan (an open-ended phase's grows a day at midnight, and every
                // judgment rests on the plan): what did not change is what was handed out.
                const ids = (r: Evaluation) => r.obligations.map((x) => x.obligation.id).join();
                if (before && ids(before) === ids(got)) {
                  const was = new Map(before.obligations.map((s) => [s.obligation.id, s]));
                  const same = new Set<string>();
                  for (const s of got.obligations) {
                    const prior = was.get(s.obligation.id)!;
                    if (JSON.stringify(s) !== JSON.stringify(prior)) continue;
                    expect(s).toBe(prior);
                    same.add(s.obligation.id);
                  }
                  for (const p of got.provisions) {
                    const prior = before.provisions.find((x) => x.provision === p.provision)!;
                    const own = got.obligations.filter((s) => s.obligation.provision === p.provision);
                    if (
                      own.every((s) => same.has(s.obligation.id)) &&
                      JSON.stringify(p) === JSON.stringify(prior)
                    )
                      expect(p).toBe(prior);
                  }
                }
                before = got;
              }
            }
          },
        ),
        { numRuns, seed },
      );
    },
    300_000,
  );

  it('on a log whose lists are long (kept in chunks, handed out as lazy arrays), the same, and results can be cloned', () => {
    // 2,500 figures of one group from one source and 2,500 unanswered allegations about one term,
    // a minute apart over the first two days: the steps then land among them and after them.
    const base: LoggedEvent[] = [...actors()];
    const first = Date.parse('2024-01-01T08:00:00+02:00');
    for (let i = 0; i < 2500; i++) {
      const at = new Date(first + i * 60_000).toISOString().replace('Z', '+00:00');
      base.push(
        logged(
          'med',
          'aid.delivered',
          at,
          { date: '2024-01-02', quantity: i % 9, unit: 'truck', category: 'aid' },
          'UN',
        ),
        logged(i % 2 ? 'b' : 'a', 'violation.alleged', at, {
          against: i % 2 ? 'a' : 'b',
          provision: 'cease',
          description: `Alleged ${i}.`,
        }),
      );
    }
    fc.assert(
      fc.property(fc.array(aStep, { minLength: 1, maxLength: 12 }), (steps) => {
        const events = [...base];
        // Two evaluators of the same events: the results of `held` are left unread until the end
        // (a lazy list is read from its chunks only then), those of `evaluator` are read at once.
        const evaluator = createEvaluator(agreement);
        const held = createEvaluator(agreement);
        for (const e of events) {
          evaluator.apply(e);
          held.apply(e);
        }
        evaluator.result(AFTER_ALL);
        held.result(AFTER_ALL);
        // An allegation after all the others: the unanswered ones about the term then grow at their
        // end, and their phrases are a lazy array too (which packing evidence leaves as it is).
        const late = logged('b', 'violation.alleged', '2024-01-04T07:00:00+02:00', {
          against: 'a',
          provision: 'cease',
          description: 'Alleged late.',
        });
        events.push(late);
        evaluator.apply(late);
        held.apply(late);
        const handedOut: { result: unknown; json: string }[] = [];
        for (const step of steps) {
          const e = eventOf(step, events);
          events.push(e);
          evaluator.apply(e);
          held.apply(e);
          const last = events.reduce(
            (a, x) => (Date.parse(x.event.event.occurredAt) > Date.parse(a) ? x.event.event.occurredAt : a),
            events[0]!.event.event.occurredAt,
          );
          // Its lazy lists must still read as they stood when it was handed out, whatever was
          // appended since.
          const now = held.result(AFTER_ALL);
          expect(isLazy(now.allegations)).toBe(true);
          expect(now.figures.some((f) => f.figures.some((x) => isLazy(x.evidence)))).toBe(true);
          handedOut.push({ result: now, json: JSON.stringify(fromScratch(events, AFTER_ALL)) });
          const got = evaluator.result(last);
          const json = JSON.stringify(got);
          expect(json).toBe(JSON.stringify(fromScratch(events, last)));
          // What the server's worker posts (evidence packed, the other long lists plain) goes
          // through a structured clone and reads the same once unpacked.
          const { value, hashes } = packEvidence(got);
          const posted = structuredClone({ value: plainLists(value), hashes });
          expect(JSON.stringify(unpackEvidence(posted.value, posted.hashes))).toBe(json);
        }
        for (const h of handedOut) expect(JSON.stringify(h.result)).toBe(h.json);
      }),
      { numRuns: 6, seed: 20261207 },
    );
  }, 300_000);
});

describe('groupKey', () => {
  const FIELDS = ['provision', 'date', 'unit', 'category', 'destination', 'from'] as const;
  // Few values, NULs and quotes among them, so that near misses are common.
  const part = fc.option(
    fc.oneof(fc.constantFrom('a', 'a\u0000', '\u0000a', '"a', '=a', '-', ''), fc.integer({ min: 0, max: 2 })),
    { nil: undefined },
  );
  const body = fc.record(Object.fromEntries(FIELDS.map((f) => [f, part])) as Record<string, typeof part>, {
    requiredKeys: [],
  });

  it('is the same for two figures exactly when they count the same thing (property, fixed seed)', () => {
    fc.assert(
      fc.property(body, body, (a, b) => {
        const same = FIELDS.every((f) => a[f] === b[f]);
        expect(groupKey(a) === groupKey(b)).toBe(same);
      }),
      { seed: 20261207, numRuns: 3000 },
    );
  });
});
