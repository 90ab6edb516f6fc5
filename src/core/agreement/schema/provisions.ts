import { z } from 'zod';
import {
  CalendarDate,
  Count,
  DayNumber,
  DayRef,
  Figure,
  HourWindow,
  Id,
  LocalizedText,
  Moment,
  Place,
  Provenance,
  TimeOfDay,
} from './common.ts';
import { Exchange, ListLead } from './exchange.ts';

/**
 * A provision becomes due only once another provision is fully met, or some of its categories:
 * one category, a list of them, or a named group ("all women").
 */
export const Condition = z.strictObject({
  provision: Id,
  category: Id.optional(),
  categories: z.array(Id).min(1).optional(),
  group: Id.optional(),
  text: z.string().optional(),
});

const base = {
  id: Id,
  phase: Id,
  throughPhase: Id.optional().describe(
    'A term that spans phases: it holds from its phase through the end of this later one.',
  ),
  title: LocalizedText.optional().describe('The term as a reader names it, in en, ar and he.'),
  condition: Condition.optional(),
  ...Provenance,
};

/** A quantity per day: trucks, litres, patients. `partOf` names the quota it is a part of. */
export const Quota = z.strictObject({
  id: Id,
  label: LocalizedText.optional().describe('The quota line as a reader names it ("fuel trucks").'),
  quantity: Figure,
  unit: z.enum(['truck', 'litre', 'person', 'patient', 'tent', 'home', 'ship']),
  category: Id.optional(),
  destination: Id.optional(),
  partOf: Id.optional(),
  atLeast: z.boolean().optional(),
  ...Provenance,
});

export const ActivityLimit = z.strictObject({
  activity: LocalizedText.describe(
    'What is limited: flights, drones or drone-flights (worded in each language), or the words in en, ar and he.',
  ),
  zone: Id.optional(),
  allowed: z.enum(['never', 'windows']),
  windows: z.array(HourWindow).optional(),
  ...Provenance,
});

/** People crossing in one direction per day: patients, their companions, returning residents. */
export const Flow = z.strictObject({
  direction: z.enum(['out', 'in']).describe('Out of the area (e.g. out of Gaza) or into it.'),
  people: z.enum(['person', 'patient', 'companion', 'resident']),
  perDay: Figure,
  ...Provenance,
});

/** How a crossing or an evacuation works: hours, names in advance, people per direction. */
const Passage = {
  hours: HourWindow.optional().describe('Opening hours, local time.'),
  lists: z
    .strictObject({ lead: ListLead, to: z.array(Id).min(1).optional() })
    .optional()
    .describe('Names of those crossing are given in advance.'),
  flows: z.array(Flow).optional(),
};

export const Cessation = z.strictObject({
  ...base,
  kind: z.literal('cessation'),
  parties: z.array(Id).min(1),
  scope: LocalizedText.optional(),
  limits: z.array(ActivityLimit).optional(),
});

export const ExchangeProvision = z.strictObject({ ...base, ...Exchange });

export const Aid = z.strictObject({
  ...base,
  kind: z.literal('aid'),
  party: Id.describe('The party that must let the aid in.'),
  perDay: z
    .array(Quota)
    .default([])
    .describe(
      'Quantities owed every day; left out when the agreement gives only totals for the phase (`extra`).',
    ),
  fromDay: DayRef.optional(),
  destinations: z.array(Place).optional(),
  extra: z.array(Quota).optional().describe('One-off quantities for the whole phase (tents, homes).'),
});

export const Withdrawal = z.strictObject({
  ...base,
  kind: z.literal('withdrawal'),
  party: Id,
  zones: z.array(Place).min(1),
  byDay: DayRef.optional().describe('The day by which it is done; or give `due`.'),
  by: TimeOfDay.optional(),
  due: Moment.optional().describe(
    'When it is due, when that is not a day: e.g. within 24 hours of approval.',
  ),
  line: LocalizedText.optional().describe('The line withdrawn to ("the yellow line").'),
});

export const DisplacedReturn = z.strictObject({
  ...base,
  kind: z.literal('displaced-return'),
  party: Id.describe('The party that must allow the return.'),
  fromDay: DayRef,
  to: Id.optional(),
  routes: z.array(z.strictObject({ ...Place.shape, mode: z.string().optional() })).optional(),
});

export const Crossing = z.strictObject({
  ...base,
  kind: z.literal('crossing'),
  party: Id,
  crossing: Place,
  purpose: LocalizedText.optional(),
  fromDay: DayRef.optional(),
  due: Moment.optional().describe(
    'When it opens, when that hangs on something else ("once all … are released").',
  ),
  ...Passage,
});

export const MedicalEvacuation = z.strictObject({
  ...base,
  kind: z.literal('medical-evacuation'),
  party: Id,
  perDay: Figure,
  via: Id.optional(),
  fromDay: DayRef.optional(),
  ...Passage,
});

export const LocalizedPause = z.strictObject({
  ...base,
  kind: z.literal('localized-pause'),
  parties: z.array(Id).min(1),
  purpose: LocalizedText.optional(),
  window: HourWindow,
  zones: z
    .array(
      z.strictObject({
        ...Place.shape,
        fromDay: DayNumber,
        days: z.int().min(1).max(365),
        extensionDays: z
          .int()
          .min(1)
          .max(365)
          .optional()
          .describe('This zone may be extended by up to N days.'),
      }),
    )
    .min(1),
  extensionDays: z
    .int()
    .min(1)
    .max(365)
    .optional()
    .describe('Each zone may be extended by up to N days; the zones after it move with it.'),
});

export const Negotiation = z.strictObject({
  ...base,
  kind: z.literal('negotiation'),
  parties: z.array(Id).min(1),
  subject: LocalizedText,
  byDay: DayRef.optional().describe('The day by which talks start; or give `due`.'),
  due: Moment.optional(),
});

/** Typed milestones of the later phases: governance, an international force, disarmament… */
export const Milestone = z.strictObject({
  ...base,
  kind: z.literal('milestone'),
  subject: z.enum([
    'governance',
    'international-force',
    'disarmament',
    'reconstruction',
    'withdrawal',
    'negotiation',
    'other',
  ]),
  parties: z
    .array(Id)
    .optional()
    .describe(
      'The parties the milestone obliges. A dated milestone that names none is a dated fact, not a duty (an authorization until a date): drawn on the calendar, never judged, never counted as an obligation.',
    ),
  text: LocalizedText,
  byDay: DayRef.optional(),
  due: Moment.optional(),
  date: CalendarDate.optional().describe(
    'A calendar date where one is known (an authorization until a date). Without parties, a date on the calendar, not a deadline.',
  ),
});

export const FreeText = z.strictObject({
  ...base,
  kind: z.literal('text'),
  parties: z.array(Id).optional(),
  text: LocalizedText,
  count: Count.optional(),
});

export const Provision = z.discriminatedUnion('kind', [
  Cessation,
  ExchangeProvision,
  Aid,
  Withdrawal,
  DisplacedReturn,
  Crossing,
  MedicalEvacuation,
  LocalizedPause,
  Negotiation,
  Milestone,
  FreeText,
]);
