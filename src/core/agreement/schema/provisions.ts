import { z } from 'zod';
import { Count, DayNumber, HourWindow, Id, LocalizedText, Place, Provenance, TimeOfDay } from './common.ts';
import { Exchange } from './exchange.ts';

/** A provision becomes due only once another provision (or one category of it) is fully met. */
export const Condition = z.strictObject({
  provision: Id,
  category: Id.optional(),
  text: z.string().optional(),
});

const base = {
  id: Id,
  phase: Id,
  title: LocalizedText.optional(),
  condition: Condition.optional(),
  ...Provenance,
};

/** A quantity per day: trucks, litres, patients. `partOf` names the quota it is a part of. */
export const Quota = z.strictObject({
  id: Id,
  quantity: Count,
  unit: z.enum(['truck', 'litre', 'person', 'patient', 'tent', 'home']),
  category: Id.optional(),
  destination: Id.optional(),
  partOf: Id.optional(),
  atLeast: z.boolean().optional(),
  ...Provenance,
});

export const ActivityLimit = z.strictObject({
  activity: z.string().min(1),
  zone: Id.optional(),
  allowed: z.enum(['never', 'windows']),
  windows: z.array(HourWindow).optional(),
  ...Provenance,
});

export const Cessation = z.strictObject({
  ...base,
  kind: z.literal('cessation'),
  parties: z.array(Id).min(1),
  scope: z.string().min(1).optional(),
  limits: z.array(ActivityLimit).optional(),
});

export const ExchangeProvision = z.strictObject({ ...base, ...Exchange });

export const Aid = z.strictObject({
  ...base,
  kind: z.literal('aid'),
  party: Id.describe('The party that must let the aid in.'),
  perDay: z.array(Quota).min(1),
  fromDay: DayNumber.optional(),
  destinations: z.array(Place).optional(),
  extra: z.array(Quota).optional().describe('One-off quantities for the whole phase (tents, homes).'),
});

export const Withdrawal = z.strictObject({
  ...base,
  kind: z.literal('withdrawal'),
  party: Id,
  zones: z.array(Place).min(1),
  byDay: DayNumber,
  by: TimeOfDay.optional(),
});

export const DisplacedReturn = z.strictObject({
  ...base,
  kind: z.literal('displaced-return'),
  party: Id.describe('The party that must allow the return.'),
  fromDay: DayNumber,
  to: Id.optional(),
  routes: z.array(z.strictObject({ ...Place.shape, mode: z.string().optional() })).optional(),
});

export const Crossing = z.strictObject({
  ...base,
  kind: z.literal('crossing'),
  party: Id,
  crossing: Place,
  purpose: z.string().min(1).optional(),
  fromDay: DayNumber.optional(),
});

export const MedicalEvacuation = z.strictObject({
  ...base,
  kind: z.literal('medical-evacuation'),
  party: Id,
  perDay: Count,
  via: Id.optional(),
  fromDay: DayNumber.optional(),
});

export const LocalizedPause = z.strictObject({
  ...base,
  kind: z.literal('localized-pause'),
  parties: z.array(Id).min(1),
  purpose: z.string().min(1).optional(),
  window: HourWindow,
  zones: z
    .array(z.strictObject({ ...Place.shape, fromDay: DayNumber, days: z.int().min(1).max(365) }))
    .min(1),
  extensionDays: z.int().min(1).max(365).optional(),
});

export const Negotiation = z.strictObject({
  ...base,
  kind: z.literal('negotiation'),
  parties: z.array(Id).min(1),
  subject: z.string().min(1),
  byDay: DayNumber,
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
  FreeText,
]);
