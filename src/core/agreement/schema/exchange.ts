import { z } from 'zod';
import {
  DayNumber,
  Figure,
  Id,
  LocalizedText,
  Moment,
  PersonMeaning,
  Provenance,
  TimeOfDay,
} from './common.ts';

/** What a category is, beyond its label: whether it is remains, and what its persons are. */
const CategoryNature = {
  remains: z
    .boolean()
    .optional()
    .describe('The remains of deceased persons: never added to living persons in a total or a chart.'),
  meaning: z
    .array(PersonMeaning)
    .min(1)
    .optional()
    .describe('What the persons of this category are, so that categories of two agreements line up.'),
};

/** A category of persons released, with the number the other side releases for each one. */
export const ExchangeCategory = z.strictObject({
  id: Id,
  label: LocalizedText,
  ratio: z
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .describe('Persons (or remains) the counterpart releases for each person of this category.'),
  count: Figure.optional().describe('How many persons of this category, when known.'),
  ...CategoryNature,
  ...Provenance,
});

/** A named set of categories ("all women" = civilian women and female soldiers). */
export const CategoryGroup = z.strictObject({
  id: Id,
  label: LocalizedText,
  categories: z.array(Id).min(1),
  ...Provenance,
});

/** How many persons of each category a batch holds (`{ civilian-women: 2 }`), or just which categories. */
export const BatchCategories = z.union([z.array(Id).min(1), z.record(Id, z.int().min(0).max(100_000_000))]);

/**
 * One dated batch; a number spread over a span of days in batches every `everyDays`; or a window:
 * a number due by a deadline ("26 over the next five weeks", "all within 72 hours of the pullback"),
 * judged cumulatively against that deadline only.
 */
export const ScheduleEntry = z.union([
  z.strictObject({ day: DayNumber, count: z.int().min(1), categories: BatchCategories.optional() }),
  z.strictObject({
    fromDay: DayNumber,
    toDay: DayNumber,
    count: z.int().min(1),
    everyDays: z.int().min(1).max(365).describe('Batch every N days, ending on toDay.'),
    categories: BatchCategories.optional(),
  }),
  z.strictObject({
    count: z.int().min(1),
    by: Moment.describe('The agreed deadline for the whole number.'),
    from: Moment.optional().describe('When the window opens; the plan draws an indicative spread from it.'),
    spreadEveryDays: z
      .int()
      .min(1)
      .max(365)
      .optional()
      .describe(
        'Spacing of the indicative spread (drawn only, never judged); weekly for long windows by default.',
      ),
    categories: BatchCategories.optional(),
    ...Provenance,
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
  total: Figure.optional(),
  categories: z.array(ExchangeCategory).min(1),
  groups: z.array(CategoryGroup).optional().describe('Named sets of categories, for conditions and anchors.'),
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

/** A category of the counterpart's releases: a number without a ratio (250 serving life sentences). */
export const CounterpartCategory = z.strictObject({
  id: Id,
  label: LocalizedText,
  count: Figure.optional(),
  ...CategoryNature,
  ...Provenance,
});

export const CounterpartSide = z.strictObject({
  party: Id,
  to: Id.optional(),
  total: Figure.optional().describe(
    'Stated total; when it differs from what the ratios give, both are shown with their sources.',
  ),
  categories: z.array(CounterpartCategory).optional(),
  order: z.string().min(1).optional(),
  after: z
    .enum(['handover', 'handover-confirmed'])
    .optional()
    .describe('Counterpart releases happen only after the batch is handed over (or confirmed).'),
  by: Moment.optional().describe(
    'When the counterpart releases are due as one lump (a number without a ratio); with the last batch by default.',
  ),
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
