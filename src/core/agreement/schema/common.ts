import { z } from 'zod';
import { HORIZON_TEXT, withinHorizon } from '../../time/date-horizon.ts';

/** An identifier used to refer to a party, phase, provision, category or zone. */
export const Id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    'an id of lower-case letters, digits and hyphens, starting with a letter or digit',
  )
  .max(64);

/** Text in several languages: English is required, Arabic and Hebrew are optional. */
export const LocalizedText = z.union([
  z.string().min(1),
  z.strictObject({
    en: z.string().min(1),
    ar: z.string().min(1).optional(),
    he: z.string().min(1).optional(),
  }),
]);

/** A wall-clock time of day in the agreement's time zone, "HH:MM". */
export const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM (24-hour clock)');

/** An ISO 8601 date-time with an explicit offset, e.g. 2023-11-24T07:00:00+02:00, within the calendar's horizon. */
export const DateTime = z.iso.datetime({ offset: true }).refine(withinHorizon, `a date-time ${HORIZON_TEXT}`);

/** A calendar date, YYYY-MM-DD. */
export const CalendarDate = z.iso.date();

/** Day number counted from the start of the provision's phase: day 1 is the phase's first day. */
export const DayNumber = z.int().min(1).max(3650);

export const Count = z.int().min(0).max(100_000_000);

/**
 * Fields every provision carries so that uncertain terms stay marked: where a figure comes from,
 * a free note, and a flag for terms that public sources disagree on.
 */
export const Provenance = {
  source: z
    .string()
    .min(1)
    .optional()
    .describe('Where this term comes from (a report, a statement, a draft).'),
  note: z.string().min(1).optional().describe('Anything a reader must know about this term.'),
  uncertain: z
    .boolean()
    .optional()
    .describe('True when sources disagree on this term or it is not confirmed.'),
};

/** An hour window within a day, e.g. 10:00–16:00. `to` may be earlier than `from` to cross midnight. */
export const HourWindow = z.strictObject({ from: TimeOfDay, to: TimeOfDay });

/** A named area: a zone, a corridor, a crossing, a road. */
export const Place = z.strictObject({
  id: Id,
  name: LocalizedText,
  note: z.string().optional(),
});

/** One value of a figure as one source states it. */
export const StatedValue = z.strictObject({
  value: Count,
  source: z.string().min(1).describe('Who states this value (an outlet, an official, a draft).'),
  note: z.string().min(1).optional(),
  uncertain: z.boolean().optional(),
});

/**
 * A number, or the values that different sources state for the same term, each with its source:
 * e.g. `[{ value: 600, source: COGAT }, { value: 400, source: "one timeline" }]`. Competing values
 * are shown side by side as a range; none is silently picked.
 */
export const Figure = z
  .union([Count, z.array(StatedValue).min(1)])
  .describe('A number, or a list of { value, source } when sources state different values.');

/** A day counted from the start of the provision's phase (a number) or of the agreement. */
export const DayRef = z.union([
  DayNumber,
  z
    .strictObject({ agreementDay: DayNumber })
    .describe('A day counted from the agreement\'s first day ("Philadelphi by day 50").'),
]);

/** Meanings a category of persons can carry, so that two agreements' categories line up. */
export const PersonMeaning = z.enum([
  'women',
  'children',
  'minors',
  'elderly',
  'men',
  'sick',
  'wounded',
  'civilians',
  'soldiers',
  'female-soldiers',
  'foreign-nationals',
  'life-sentences',
  'long-sentences',
  'detainees',
  'administrative-detainees',
  'prisoners',
  'living',
  'remains',
]);

/** What a relative deadline counts from: a provision (or some of its categories) complete, or a phase's edge. */
export const Anchor = z.union([
  z.strictObject({
    provision: Id.describe('The provision whose completion starts the clock.'),
    group: Id.optional().describe('For an exchange: the category group whose release starts the clock.'),
    categories: z.array(Id).min(1).optional(),
  }),
  z.strictObject({ phase: Id, edge: z.enum(['start', 'end']) }),
  z.strictObject({ agreement: z.literal('start') }),
]);

/**
 * When something falls due: a day (of the phase, or of the agreement) and a time, or a span after an
 * anchor ("within 72 hours of the pullback").
 */
export const Moment = z.union([
  z.strictObject({
    day: DayNumber,
    of: z.enum(['phase', 'agreement']).optional().describe('What the day counts from; the phase by default.'),
    time: TimeOfDay.optional().describe('Local time; the end of the day when omitted.'),
  }),
  z
    .strictObject({ date: CalendarDate, time: TimeOfDay.optional() })
    .describe('A calendar date in the agreement\'s time zone ("by 31 December 2027").'),
  z.strictObject({
    after: Anchor,
    hours: z
      .int()
      .min(0)
      .max(24 * 3650)
      .optional(),
    days: z.int().min(0).max(3650).optional(),
  }),
]);
