import { z } from 'zod';
import { Count, DayNumber, Id, LocalizedText, Provenance, TimeOfDay } from './common.ts';

/** A category of persons released, with the number the other side releases for each one. */
export const ExchangeCategory = z.strictObject({
  id: Id,
  label: LocalizedText,
  ratio: z
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .describe('Persons the counterpart releases for each person of this category.'),
  count: Count.optional().describe('How many persons of this category, when known.'),
  ...Provenance,
});

/** One dated batch, or a number spread over a span of days in batches every `everyDays`. */
export const ScheduleEntry = z.union([
  z.strictObject({ day: DayNumber, count: z.int().min(1) }),
  z.strictObject({
    fromDay: DayNumber,
    toDay: DayNumber,
    count: z.int().min(1),
    everyDays: z.int().min(1).max(365).describe('Batch every N days, ending on toDay.'),
  }),
]);

/** How batches are spaced: every day of the phase, weekly, or an explicit schedule. */
export const Cadence = z.union([
  z.literal('daily'),
  z.strictObject({ everyDays: z.int().min(1).max(365), firstDay: DayNumber.optional() }),
  z.strictObject({ schedule: z.array(ScheduleEntry).min(1) }),
]);

/** When the list of names for a batch is due: some hours before the handover, or the evening before. */
export const ListLead = z.union([
  z.strictObject({
    hours: z
      .int()
      .min(1)
      .max(24 * 30),
  }),
  z.strictObject({ eveningBefore: z.literal(true), by: TimeOfDay.optional() }),
]);

/** The side whose releases set the pace; the counterpart releases per the ratios. */
export const ReleaseSide = z.strictObject({
  party: Id.describe('The party that releases.'),
  to: Id.describe('The party that receives.'),
  total: Count.optional(),
  categories: z.array(ExchangeCategory).min(1),
  cadence: Cadence.optional().describe('How batches are spaced; omitted when the reports do not say.'),
  minPerBatch: z.int().min(1).optional(),
  handoverBy: TimeOfDay.optional().describe('Time of day by which each batch is handed over.'),
  lists: z
    .strictObject({ lead: ListLead, to: z.array(Id).min(1).optional() })
    .optional()
    .describe('Names of each batch are given in advance to these parties.'),
  order: z.string().min(1).optional().describe('Release order, e.g. "by seniority".'),
  ...Provenance,
});

export const CounterpartSide = z.strictObject({
  party: Id,
  to: Id.optional(),
  total: Count.optional().describe('Stated total; must agree with the ratios when the categories are known.'),
  categories: z.array(z.strictObject({ id: Id, label: LocalizedText, ...Provenance })).optional(),
  order: z.string().min(1).optional(),
  after: z
    .enum(['handover', 'handover-confirmed'])
    .optional()
    .describe('Counterpart releases happen only after the batch is handed over (or confirmed).'),
  ...Provenance,
});

export const Exchange = {
  kind: z.literal('exchange'),
  intermediary: Id.optional(),
  release: ReleaseSide,
  counterpart: CounterpartSide,
  outsideFormula: z
    .strictObject({
      allowed: z.boolean(),
      countsTowardQuota: z.enum(['never', 'if-agreed', 'always']),
      ...Provenance,
    })
    .optional()
    .describe('Releases outside the formula, and whether they count toward the quota.'),
  handoverRoute: z
    .array(Id)
    .optional()
    .describe('The chain of hands, e.g. releasing party, intermediary, crossing.'),
};
