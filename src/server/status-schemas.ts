/** The zod schemas of the status and report routes: what the OpenAPI document publishes for them. */
import { z } from 'zod';
import { ALLEGATION_STATES, LATEST_ALLEGATIONS } from '../core/compliance/allegation-summary.ts';
import { STATUSES } from '../core/compliance/types.ts';
import { HORIZON_TEXT, withinHorizon } from '../core/time/date-horizon.ts';
import { LANGS } from '../core/words/lang.ts';
import { PHRASE_CODES } from '../core/words/phrase.ts';
import { DATE, DATE_TIME } from './log-evaluation.ts';

/** A calendar day that exists (2023-02-30 does not: Date.parse would roll it over to March). */
const realDay = (s: string) => {
  const day = s.slice(0, 10);
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day;
};

/** How many events a list of evidence holds: the status document counts them, never lists them. */
const Counted = {
  evidenceCount: z.int().min(0).describe('How many events of the log it rests on (its evidence).'),
};
/** A count of evidence with the reference that asks for its events, a page at a time. */
const Referenced = {
  ...Counted,
  evidenceRef: z
    .string()
    .describe(
      'Names this list of evidence, the same as the log grows: GET /api/logs/{id}/evidence?of= lists its events, a page at a time.',
    ),
};
/** A figure that adds up one recorded as approximate (an event's `uncertain: true`): shown with ⚠. */
const Approximate = z
  .literal(true)
  .optional()
  .describe('The figure was recorded as approximate, or adds up one that was ("about 250"): shown with ⚠.');
/** Each source's figure for one thing, with its evidence counted. */
const Figures = z.array(
  z.looseObject({ quantity: z.number(), source: z.string(), uncertain: Approximate, ...Referenced }),
);

const Status = z.enum(STATUSES as [string, ...string[]]);
const StatedValues = z
  .array(
    z.looseObject({
      value: z.number(),
      source: z.string().optional(),
      note: z.string().optional(),
      uncertain: z.boolean().optional(),
    }),
  )
  .optional();
const DatedFact = z
  .looseObject({ provision: z.string(), day: z.int(), date: z.string().nullable(), description: z.string() })
  .describe('A date a term states that obliges no party (an authorization until a date): never judged.');
export const PlacedOnRecord = z
  .array(
    z.looseObject({
      provision: z.string(),
      on: z.looseObject({ provision: z.string() }),
      date: z.string().describe('The day the record shows the condition met, in the agreement’s zone.'),
    }),
  )
  .optional()
  .describe(
    'Conditional provisions waiting on something due any day up to a deadline, placed from the day the record shows it done.',
  );
const Basis = z
  .enum(['no-breach-recorded'])
  .describe(
    'A standing term with nothing alleged against it: no breach recorded, not a record that it held.',
  );
const Measures = z
  .array(
    z.looseObject({
      from: z.string(),
      until: z.string().optional().describe('Absent: still in force at the moment judged.'),
      party: z.string().optional(),
      quantity: z.int().optional().describe('The cap per day, for a cap.'),
      unit: z.string().optional(),
      reason: z.string().optional(),
      ...Counted,
    }),
  )
  .optional();
/** What is recorded beside a status without changing it (issue 11). */
const Beside = {
  postponed: Measures.describe('Postponements of the batch (batch.postponed until batch.resumed).'),
  suspended: Measures.describe('Suspensions of the aid (aid.suspended until aid.resumed).'),
  capped: Measures.describe('Caps on the aid; the quota is still judged against the agreement.'),
  basis: Basis.optional(),
  undisclosed: z
    .literal(true)
    .optional()
    .describe(
      'Unrecorded because a handover or release it rests on was recorded with its number not disclosed (`done` is then only what was disclosed).',
    ),
  uncertain: z
    .literal(true)
    .optional()
    .describe(
      'The status rests on a term the agreement leaves uncertain (or its sources state differently), or on a figure recorded as approximate: shown with ⚠. The status itself is computed as without it.',
    ),
};

/** An explanation as data: phrase codes with parameters, which each reader's edge words in its language. */
const Phrase = z
  .looseObject({
    code: z.enum(PHRASE_CODES as [string, ...string[]]),
    params: z
      .record(z.string(), z.unknown())
      .describe(
        'Each parameter: a phrase, or {type, …}: number {value}, quantity {value, unit}, moment {at (epoch ms), zone}, day {date}, duration {minutes}, party/provision/place {id}, actor {id, party?, name?}, quota/category {id, provision?}, quote {text} (recorded words, as given), text {text} (the agreement’s words), status {status}, action {action}, obligation {id, provision, party, batch?, description}, list {items, sep}, event {hash, kind} (named by its number in the log where known), unit {unit} (a unit in the plural).',
      ),
  })
  .meta({ title: 'Phrase' });
const Explanation = z
  .array(Phrase)
  .describe('Why it reads as it does, as phrase codes with parameters (docs/api.md, "Explanations").');
/** The structured explanation and, beside it, its words in the reader's language. */
const Explained = {
  explanation: Explanation,
  explanationText: z.string().describe('The explanation in words of `lang`.'),
};
const Lang = z
  .enum(LANGS as ['en', 'ar', 'he'])
  .optional()
  .describe('The language of the words (en, ar, he); without it, the best of Accept-Language, else en.');

export const StatusQuery = z.strictObject({
  lang: Lang,
  at: z
    .string()
    .regex(DATE_TIME, 'expected a date-time with an offset, e.g. 2023-11-25T20:00:00+02:00')
    .refine((s) => realDay(s) && !Number.isNaN(Date.parse(s)), 'expected a real date-time')
    .refine(withinHorizon, `expected a date-time ${HORIZON_TEXT}`)
    .optional()
    .describe(`The moment to judge the log at: a date-time with an offset (default now), ${HORIZON_TEXT}.`),
});

export const ReportQuery = z.strictObject({
  lang: Lang,
  date: z
    .string()
    .regex(DATE, 'expected a day as YYYY-MM-DD')
    .refine(realDay, 'expected a real day')
    .refine(withinHorizon, `expected a day ${HORIZON_TEXT}`)
    .describe(
      `The day of the report (YYYY-MM-DD, ${HORIZON_TEXT}); the state at its end, in the agreement's time zone.`,
    ),
});

const STATES = ALLEGATION_STATES as ['open', 'disputed', 'acknowledged', 'withdrawn', 'resolved'];

/** One allegation: the alleging side's claim and where it stands, its evidence counted. */
export const Allegation = z
  .looseObject({
    against: z.string().describe('The party alleged against.'),
    provision: z.string().nullable().optional().describe('The provision it names, or null.'),
    by: z.string().describe('The actor who recorded it.'),
    at: z.string().optional().describe("When it occurred, with the agreement's offset."),
    description: z.string().describe('The alleging side’s words, as recorded.'),
    state: z
      .enum(STATES)
      .describe('The alleging side’s claim until answered: open, or as the answer left it.'),
    finding: z.enum(['breach', 'no-breach']).optional().describe('A mediator’s finding, when resolved.'),
    reason: z.string().optional().describe('The reason of the answer that gave it its state.'),
    source: z.string().optional().describe('The source the allegation names, when it names one.'),
    answer: z
      .looseObject({ by: z.string(), source: z.string().optional() })
      .optional()
      .describe('The answer that gave it its state: the actor who recorded it and the source it names.'),
    casualties: z
      .array(z.looseObject({ killed: z.int().optional(), injured: z.int().optional(), source: z.string() }))
      .optional()
      .describe('Casualty figures, one per source, never summed.'),
    ...Referenced,
  })
  .meta({ title: 'Allegation' });

/** How many allegations, and how many in each state (every state, 0 when none is in it). */
const Tally = {
  count: z.int().min(0),
  states: z
    .object(
      Object.fromEntries(STATES.map((s) => [s, z.int().min(0)])) as Record<(typeof STATES)[number], z.ZodInt>,
    )
    .describe('How many are in each state.'),
};

const Allegations = z
  .object({
    ...Tally,
    findings: z
      .object({ breach: z.int().min(0), 'no-breach': z.int().min(0) })
      .describe('The resolved ones by the mediator’s finding.'),
    against: z
      .array(z.object({ party: z.string(), ...Tally }))
      .describe('The same counts per party alleged against, in the order each was first alleged against.'),
    provisions: z
      .array(z.object({ provision: z.string().nullable(), ...Tally }))
      .describe('The same counts per provision named (null: none named), in the order each was first named.'),
    latest: z
      .array(Allegation)
      .max(LATEST_ALLEGATIONS)
      .describe(
        `The latest allegations, at most ${LATEST_ALLEGATIONS}, in the order they occurred: \`count\` says how many there are; GET /api/logs/{id}/allegations lists them all, a page at a time.`,
      ),
  })
  .describe(
    'Every allegation counted, whatever their number, and the latest few listed (so that the document does not grow with them).',
  );

export const Evaluation = z
  .looseObject({
    agreement: z.string(),
    lang: z.enum(LANGS as [string, ...string[]]).describe('The language of every `explanationText`.'),
    asOf: z.string().describe("The moment judged, with the agreement's offset."),
    adopted: z
      .object({
        agreement: z.string(),
        version: z.union([z.int(), z.string()]),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        index: z.int().min(0).describe('The agreement.adopted event of the log.'),
        occurredAt: z.string().describe('When the text was adopted: in force from then on.'),
      })
      .describe(
        'The agreement text judged against: the one the log had adopted latest by asOf (by SHA-256).',
      ),
    events: z.int().min(0).describe('Events of the log that occurred by asOf.'),
    phases: z.array(
      z.looseObject({
        phase: z.string(),
        plannedStart: z.string().nullable().optional(),
        lateStartMinutes: z.int().optional().describe('A recorded start after the planned one: a finding.'),
        ...Counted,
        ...Explained,
      }),
    ),
    extensions: z.array(z.looseObject({ phase: z.string(), status: Status, ...Counted, ...Explained })),
    provisions: z.array(
      z.looseObject({
        provision: z.string(),
        kind: z.string(),
        status: Status,
        counts: z.record(z.string(), z.int()),
        ...Beside,
        recovered: z
          .array(
            z.looseObject({
              by: z.string(),
              count: z.int(),
              at: z.string(),
              source: z.string().optional().describe('The source the event names, when it names one.'),
              uncertain: Approximate,
              ...Counted,
            }),
          )
          .optional()
          .describe('Remains recovered without a handover: never counted as one.'),
        events: z
          .array(z.looseObject({ kind: z.string(), at: z.string(), ...Counted }))
          .optional()
          .describe('Events that name the provision without moving its status.'),
        waitsOn: z
          .string()
          .optional()
          .describe('The provision whose completion it waits for, while the record does not show it met.'),
        dates: z.array(DatedFact).optional().describe('For status dated-fact: the dates the term states.'),
        ...Referenced,
        ...Explained,
      }),
    ),
    obligations: z.array(
      z.looseObject({
        obligation: z.looseObject({ id: z.string(), provision: z.string(), party: z.string() }),
        status: Status,
        due: z.string().nullable(),
        moved: z
          .looseObject({
            planned: z.string(),
            minutes: z.int(),
            cause: z.enum([
              'handover-late',
              'condition-late',
              'extension-agreed',
              'deadline-extended',
              'phase-started-late',
            ]),
            provision: z.string().optional(),
            batch: z.int().optional(),
            at: z.string().optional(),
            ...Counted,
          })
          .optional()
          .describe(
            "Why the deadline in force (`due`) is later than the plan's: the handover a release waits for was late, the term a conditional provision waits for was complete late, the extension that added it was agreed after its planned day, its provision's deadlines were extended by agreement (`at`: when), or its phase started late.",
          ),
        ...Beside,
        approximate: z
          .looseObject({ required: z.literal(true).optional(), done: z.literal(true).optional() })
          .optional()
          .describe(
            'Which of its figures add up one recorded as approximate (and make it `uncertain`): `done` (what was recorded done), `required` (what is owed for an approximate count).',
          ),
        remains: z
          .array(z.looseObject({ finding: z.string(), count: z.int(), uncertain: Approximate, ...Counted }))
          .optional()
          .describe('Findings on the remains of its handovers; those not "matches" are not counted.'),
        noAgreedDate: z
          .boolean()
          .optional()
          .describe('No date was agreed (placed once its condition was met on the record): never late.'),
        flows: z
          .array(z.looseObject({ direction: z.string(), people: z.string(), perDay: StatedValues }))
          .optional()
          .describe("A crossing's agreed flows per day, each source's figure."),
        throughput: z
          .array(
            z.looseObject({
              direction: z.string(),
              from: z.string().optional(),
              to: z.string(),
              quantity: z.int(),
              source: z.string(),
              uncertain: Approximate,
              ...Counted,
            }),
          )
          .optional()
          .describe(
            'Throughput recorded for the crossing: one figure per event and source, never added across sources.',
          ),
        statedTotal: StatedValues.describe('For a release: the total the agreement states for its side.'),
        figures: Figures.optional().describe('For a quantity: each source’s figure, never added to another.'),
        ...Referenced,
        ...Explained,
      }),
    ),
    exchanges: z.object({
      directions: z.array(
        z.looseObject({
          provision: z.string(),
          from: z.string(),
          to: z.string(),
          counted: z.int().describe('Persons counted under the formula (and outside it by agreement).'),
          outside: z.int().describe('Persons released outside the formula.'),
          countedFromOutside: z.int(),
          undisclosed: z
            .int()
            .optional()
            .describe(
              'Handovers or releases recorded with their number not disclosed: not in `counted` (never as 0 or any number).',
            ),
          uncertain: Approximate.describe(
            '`counted` adds up a figure recorded as approximate: shown with ⚠.',
          ),
          outsideUncertain: Approximate.describe('`outside` adds up a figure recorded as approximate.'),
          byDay: z
            .array(
              z.object({
                date: z.iso.date(),
                counted: z.int(),
                undisclosed: z.int().optional(),
                uncertain: Approximate,
              }),
            )
            .describe(
              'What was counted each day, by the day the handovers and releases occurred (agreement time zone): what a chart of what was done draws.',
            ),
          ...Referenced,
          statedTotal: StatedValues.describe('The total the agreement states for this side.'),
          byRatio: z
            .int()
            .optional()
            .describe('What the ratio (or the stated total) gives for this side in all.'),
        }),
      ),
      ratios: z.array(
        z.looseObject({
          provision: z.string(),
          holds: z.boolean(),
          undisclosed: z
            .literal(true)
            .optional()
            .describe(
              'Not checked: a handover or release of the exchange was recorded with its number not disclosed (`holds` is then false and says nothing).',
            ),
          uncertain: Approximate.describe(
            "Either side's figure adds up one recorded as approximate: the check is made on the numbers as recorded, shown with ⚠.",
          ),
          surplus: z
            .int()
            .optional()
            .describe('More released than the ratio asks, by how many: never a breach.'),
          shortfall: z
            .enum(['under-way', 'short'])
            .optional()
            .describe(
              'Fewer than the ratio asks: `under-way` while obligations of the exchange are not yet due (progress, not a breach), `short` once their deadlines have passed.',
            ),
          verdict: Phrase.optional().describe(
            'The shortfall as a phrase (`ratio.under-way`, `ratio.short`, `ratio.short-against`).',
          ),
          statedTotal: StatedValues.describe("The releasing side's stated total, beside the ratio's figure."),
          byRatio: z.int().optional().describe('The ratio times the other side’s total (15 × 28 = 420).'),
          ...Explained,
        }),
      ),
    }),
    figures: z.array(
      z.looseObject({
        key: z.string(),
        what: Phrase.describe('What the figures count and when, as a phrase.'),
        whatText: z.string().describe('What the figures count and when, in words of `lang`.'),
        from: z.iso.date().describe('The first day the figures cover.'),
        to: z.iso
          .date()
          .describe('The last day; after `from` for a period, whose figures are never spread over its days.'),
        unit: z.string(),
        category: z
          .string()
          .optional()
          .describe('The quota line or category the figures name, when they name one.'),
        destination: z
          .string()
          .optional()
          .describe('The place the figures count deliveries to, when they name one.'),
        conflicting: z.boolean(),
        figures: Figures.describe('Each source’s figure, side by side, never added to another.'),
      }),
    ),
    dates: z
      .array(DatedFact)
      .optional()
      .describe('Dates the terms state that oblige no party: on the timeline, never counted as obligations.'),
    placedOnRecord: PlacedOnRecord,
    allegations: Allegations,
    headline: z
      .looseObject({
        asOf: z.string(),
        releases: z.array(
          z.looseObject({
            provision: z.string(),
            party: z.string(),
            to: z.string(),
            remains: z
              .array(z.string())
              .optional()
              .describe(
                'The categories this side hands over when every one is remains: the figure counts remains returned, never persons released. Absent for living persons.',
              ),
            counted: z
              .int()
              .nullable()
              .describe(
                'Null when nothing is on record for this side, or only records whose number was not disclosed (not 0).',
              ),
            undisclosed: z
              .int()
              .optional()
              .describe(
                'Handovers or releases recorded with their number not disclosed: beside `counted`, never in it.',
              ),
            countedUncertain: Approximate.describe(
              '`counted` adds up a figure recorded as approximate ("about 250"): shown with ⚠ beside it (`uncertain` is the plan figure\'s).',
            ),
            outside: z.int(),
            outsideUncertain: Approximate.describe('`outside` adds up a figure recorded as approximate.'),
            dueSoFar: z
              .number()
              .describe('Required by the obligations already due (the least, when a range).'),
            dueSoFarMax: z
              .number()
              .optional()
              .describe(
                'The most they may require, when what is owed is a range (categories of the persons counted not recorded): shown as dueSoFar–dueSoFarMax.',
              ),
            plannedTotal: z.number(),
            plannedTotalMax: z
              .number()
              .optional()
              .describe('The most the whole plan may require, when a range.'),
            dueBy: z
              .looseObject({ at: z.string(), timeZone: z.string() })
              .optional()
              .describe(
                'When nothing of the plan is due yet (dueSoFar 0): the last deadline of the side\'s obligations, in the agreement\'s time zone; the figure is read against plannedTotal by then ("70 of the 181 due by 17 Apr 00:00").',
              ),
            uncertain: z
              .boolean()
              .describe(
                'The figures of the plan rest on a term the agreement leaves uncertain or its sources state differently (shown with ⚠).',
              ),
            disputes: Explanation.describe(
              'The disputes of the records counted, as the obligations judged say them (`disputes` phrases): who recorded what, who disputes it and with what figure. Empty when none is disputed.',
            ),
            statedTotal: StatedValues.describe('The total the agreement states for this side, with sources.'),
            byRatio: z.int().optional().describe('What the ratio gives for this side in all.'),
          }),
        ),
        quotas: z.array(
          z.looseObject({
            provision: z.string(),
            quota: z.string(),
            unit: z.string(),
            dueSoFar: z.number(),
            daysDue: z.int(),
            daysUnrecorded: z.int().describe('Days already due for which no source gave a figure.'),
            daysDisputed: z.int(),
            sources: z
              .array(
                z.looseObject({
                  source: z.string(),
                  quantity: z.number().describe("This source's own figures summed over its days."),
                  days: z.array(z.string()),
                  quota: z.number().describe('What the quota asked on those days.'),
                  daysReached: z.int(),
                  uncertain: Approximate,
                }),
              )
              .describe('Each source apart, never added to another; empty when nothing was recorded.'),
          }),
        ),
        recovered: z
          .array(
            z.looseObject({
              provision: z.string(),
              by: z.string(),
              count: z.int(),
              at: z.string(),
              source: z.string().optional(),
              uncertain: Approximate,
              evidence: z.array(z.string()).describe('The leaf hashes of the event (and its correction).'),
            }),
          )
          .optional()
          .describe(
            'Remains recovered without a handover, one record each (never summed, never counted as returned); absent when none is recorded.',
          ),
      })
      .describe(
        'The headline figures, the same model the dashboard, the report and `truce status --json` show.',
      ),
    notes: Explanation.describe('What a reader should know about how the log was read, as phrases.'),
    notesText: z
      .array(z.string())
      .describe('Each note in words of `lang`, events named by their number in the log.'),
  })
  .meta({ title: 'Evaluation' });
