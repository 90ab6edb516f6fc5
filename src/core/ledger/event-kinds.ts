import { z } from 'zod';

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and hyphens')
  .max(64);
/** A salted commitment to a person's record (HMAC-SHA-256, hex): never the person's name or id. */
export const Commitment = z.string().regex(/^[0-9a-f]{64}$/, '64 hex digits (a salted commitment)');
/** A reference to an earlier event of the same log, by its leaf hash (hex). */
export const EventRef = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'the leaf hash of an earlier event, 64 hex digits');
const Count = z.int().min(0).max(10_000_000);
const Text = z.string().min(1).max(4000);
const Persons = z.array(Commitment).max(10_000);
const Provision = Id.describe('The provision of the adopted agreement this event is about.');
const Batch = z.int().min(1).describe('The batch of an exchange, numbered as the plan numbers them.');
/** Persons per category of the exchange (living and remains apart), e.g. { "women": 3, "remains": 1 }. */
const Categories = z
  .record(Id, Count)
  .describe('Count per exchange category id (living and remains apart); never summed across categories.')
  .optional();
const AidUnit = z.enum(['truck', 'litre', 'person', 'patient', 'tent', 'home', 'ship']);
/** Casualty figures inside an allegation, each with its own source; never summed across sources. */
const Casualties = z
  .array(
    z.strictObject({
      killed: Count.optional(),
      injured: Count.optional(),
      source: z.string().min(1).max(200).describe('Who gave this figure.'),
    }),
  )
  .max(50)
  .describe('Casualty figures, one entry per source, shown side by side and never added up.');

/**
 * The first day of a period that a figure covers ("25,700 trucks from 12 Oct to 7 Dec"): the
 * figure is the period's and is never spread over its days, so no day's quota is judged on it.
 */
const PeriodStart = z.iso
  .date()
  .optional()
  .describe('The first day of the period the figure covers, when it covers more than the one day `date`.');

/** A period's first day is not after its last. */
const periodInOrder = (b: { from?: string | undefined; date: string }) =>
  b.from === undefined || b.from <= b.date;
const PERIOD_IN_ORDER = {
  message: '`from` must be on or before `date` (the last day of the period)',
  path: ['from'],
};

/**
 * A handover or release whose number was not disclosed ("an exchange took place today; the numbers
 * were not disclosed"): `count` left out and `undisclosed: true`. Its number is never read as 0 or
 * as any other: what rests on it says the number was not disclosed.
 */
const Undisclosed = z
  .boolean()
  .optional()
  .describe(
    'True when the act is recorded but its number was not disclosed: leave `count` (and `categories`, `persons`) out.',
  );

/**
 * A figure a source gave as approximate ("about 250 released", "more than 200 trucks", "some 40
 * bodies"): recorded as its number with `uncertain: true` (why, in the event's `note`). The number
 * is counted as recorded; the figure it goes into, and every status built on it, carry the ⚠. A
 * correction whose body leaves it out makes the figure exact again.
 */
const Approximate = z
  .boolean({
    error: (iss) =>
      iss.input === undefined
        ? undefined
        : `\`uncertain\` is true when the figure is approximate ("about 250"), false or left out when it is exact; not ${JSON.stringify(iss.input)}`,
  })
  .optional()
  .describe(
    'True when the figure is approximate as its source gave it ("about 250", "more than 200"): what is built on it carries the ⚠.',
  );

/** An approximate figure needs a figure: `uncertain: true` beside `undisclosed: true` is refused. */
function approximateNeedsFigure(
  b: { undisclosed?: boolean | undefined; uncertain?: boolean | undefined },
  ctx: z.core.$RefinementCtx,
): void {
  if (b.uncertain === true && b.undisclosed === true)
    ctx.addIssue({
      code: 'custom',
      path: ['uncertain'],
      message:
        '`uncertain: true` marks a figure as approximate, but `undisclosed: true` says no figure was given: give the approximate number as `count` (without `undisclosed`), or leave out `uncertain`',
    });
}

/** Either a count, or `undisclosed: true` with nothing that gives a number; never both, never neither. */
function countOrUndisclosed(
  b: {
    count?: number | undefined;
    undisclosed?: boolean | undefined;
    categories?: unknown;
    persons?: unknown;
  },
  ctx: z.core.$RefinementCtx,
): void {
  if (b.undisclosed === true) {
    if (b.count !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['undisclosed'],
        message: `\`undisclosed: true\` says the number was not disclosed, but \`count\` gives it (${b.count}): leave out \`undisclosed\`, or leave out \`count\` if the number was not disclosed`,
      });
    for (const field of ['categories', 'persons'] as const)
      if (b[field] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `\`${field}\` gives a number, but \`undisclosed: true\` says the number was not disclosed: record the number as \`count\` (without \`undisclosed\`), or leave out \`${field}\``,
        });
    return;
  }
  if (b.count === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['count'],
      message:
        b.undisclosed === false
          ? 'the number is missing: give `count`, or `undisclosed: true` (not false) when the number was not disclosed'
          : 'the number is missing: give `count`, or `undisclosed: true` when the act is recorded but its number was not disclosed',
    });
}

/** The body of each kind of event. Bodies hold counts and commitments, never personal data. */
export const EventBodies = {
  'actor.registered': z.strictObject({
    actor: Id,
    name: Text,
    role: z.enum(['operator', 'mediator', 'party', 'intermediary', 'monitor', 'witness']),
    party: Id.optional().describe('The agreement party this actor acts for.'),
    key: z.string().min(1).max(300).describe('Verifier key, C2SP signed-note form.'),
  }),
  'actor.revoked': z.strictObject({ actor: Id, reason: Text.optional() }),
  'agreement.adopted': z.strictObject({
    agreement: Id,
    version: z.union([z.int(), z.string().min(1).max(64)]),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    title: Text.optional(),
  }),
  'phase.started': z.strictObject({ phase: Id }),
  'phase.ended': z.strictObject({ phase: Id, reason: Text.optional() }),
  'list.submitted': z.strictObject({
    provision: Id,
    batch: z.int().min(1),
    count: Count,
    persons: Persons.optional(),
    categories: Categories,
  }),
  'list.accepted': z.strictObject({ list: EventRef }),
  'list.rejected': z.strictObject({ list: EventRef, reason: Text }),
  'handover.completed': z
    .strictObject({
      provision: Id,
      batch: z.int().min(1).optional(),
      count: Count.optional().describe('How many were handed over; leave it out with `undisclosed: true`.'),
      undisclosed: Undisclosed,
      persons: Persons.optional(),
      to: Id,
      via: Id.optional(),
      categories: Categories,
      uncertain: Approximate,
    })
    .superRefine(countOrUndisclosed)
    .superRefine(approximateNeedsFigure),
  'handover.confirmed': z.strictObject({
    handover: EventRef,
    count: Count,
    persons: Persons.optional(),
    uncertain: Approximate,
  }),
  'release.completed': z
    .strictObject({
      provision: Id.optional(),
      batch: z.int().min(1).optional(),
      party: Id,
      count: Count.optional().describe('How many were released; leave it out with `undisclosed: true`.'),
      undisclosed: Undisclosed,
      category: Id.optional(),
      persons: Persons.optional(),
      outsideFormula: z.boolean().optional(),
      countsTowardQuota: z.boolean().optional(),
      categories: Categories,
      uncertain: Approximate,
    })
    .superRefine(countOrUndisclosed)
    .superRefine(approximateNeedsFigure),
  'aid.delivered': z
    .strictObject({
      provision: Id.optional(),
      from: PeriodStart,
      date: z.iso.date().describe('The day the figure is for; with `from`, the last day of its period.'),
      quantity: Count,
      unit: AidUnit,
      category: Id.optional(),
      destination: Id.optional(),
      uncertain: Approximate,
    })
    .refine(periodInOrder, PERIOD_IN_ORDER),
  'crossing.opened': z.strictObject({ crossing: Id, provision: Id.optional() }),
  'crossing.closed': z.strictObject({ crossing: Id, provision: Id.optional(), reason: Text.optional() }),
  'withdrawal.completed': z.strictObject({ provision: Id, zones: z.array(Id).min(1) }),
  'violation.alleged': z.strictObject({
    against: Id,
    provision: Id.optional(),
    description: Text,
    place: Text.optional(),
    casualties: Casualties.optional(),
  }),
  'extension.agreed': z.strictObject({
    phase: Id,
    /** A localized pause's zone, when only that zone is extended (the zones after it move). */
    zone: Id.optional(),
    provision: Id.optional().describe(
      'A provision of the phase whose deadlines alone move, each by `days`; the phase keeps its length.',
    ),
    days: z.int().min(1).max(365),
    releases: Count.optional(),
  }),
  'deadline.missed': z.strictObject({
    provision: Id,
    /** The party that missed it, the batch of an exchange and the quantity not delivered, when known. */
    party: Id.optional(),
    batch: z.int().min(1).optional(),
    quantity: Count.optional(),
    description: Text,
  }),
  'talks.started': z.strictObject({
    provision: Id.describe('The negotiation provision whose talks started.'),
    place: Text.optional(),
  }),
  'return.started': z.strictObject({
    provision: Id.describe('The return of displaced people that started.'),
    route: Id.optional(),
  }),
  'return.blocked': z.strictObject({ provision: Id, route: Id.optional(), reason: Text }),
  'return.resumed': z.strictObject({ provision: Id, route: Id.optional() }),
  'delegation.arrived': z.strictObject({
    provision: Provision.describe('The negotiation provision the delegation came for.'),
    party: Id.describe('The party (or mediator) whose delegation arrived.'),
    place: Text.optional(),
  }),
  'round.ended': z.strictObject({
    provision: Provision.describe('The negotiation provision whose round of talks ended.'),
    round: z.int().min(1).optional().describe('The round number, when the parties number them.'),
    place: Text.optional(),
  }),
  'proposal.submitted': z.strictObject({
    provision: Provision.describe('The negotiation provision the proposal is made under.'),
    by: Id.describe('The party or mediator that submitted it.'),
    to: Id.optional().describe('The party it was submitted to.'),
    subject: Text.optional(),
  }),
  'response.given': z.strictObject({
    provision: Provision.describe('The negotiation provision the response is given under.'),
    by: Id.describe('The party that responded.'),
    proposal: EventRef.optional().describe('The proposal.submitted event answered.'),
    answer: z
      .enum(['accepted', 'accepted-with-amendments', 'rejected', 'other'])
      .optional()
      .describe('The answer as the responding party gave it.'),
  }),
  'crossing.throughput': z
    .strictObject({
      provision: Provision.describe('The crossing or medical-evacuation provision the people crossed under.'),
      crossing: Id.optional().describe('The crossing, when the provision names several or none.'),
      from: PeriodStart,
      date: z.iso
        .date()
        .describe('The day counted (in the agreement time zone); with `from`, the last day of the period.'),
      direction: z
        .enum(['out', 'in'])
        .describe("Out of the area or into it, as the agreement's flows name directions."),
      patients: Count.optional(),
      companions: Count.optional(),
      residents: Count.optional(),
      people: Count.optional().describe('Persons of no stated group (a flow of `person`).'),
      uncertain: Approximate,
    })
    .refine(periodInOrder, PERIOD_IN_ORDER),
  'aid.suspended': z.strictObject({
    provision: Provision.describe('The aid provision whose entries were suspended.'),
    category: Id.optional().describe('The quota or category suspended; all of the provision when absent.'),
    reason: Text.optional(),
  }),
  'aid.capped': z.strictObject({
    provision: Provision.describe('The aid provision whose entries were capped.'),
    category: Id.optional().describe('The quota or category capped; all of the provision when absent.'),
    quantity: Count.describe('The cap per day.'),
    unit: AidUnit,
    reason: Text.optional(),
  }),
  'aid.resumed': z.strictObject({
    provision: Provision.describe('The aid provision whose suspension or cap was lifted.'),
    category: Id.optional().describe('The quota or category resumed; all of the provision when absent.'),
    lifts: z
      .enum(['suspension', 'cap'])
      .optional()
      .describe('What it ends: the suspension (a cap stays in force), or the cap; both when absent.'),
  }),
  'batch.postponed': z.strictObject({
    provision: Provision.describe('The exchange whose batch (handover or release) was postponed.'),
    batch: Batch,
    party: Id.optional().describe('The side whose handover or release was postponed; both when absent.'),
    reason: Text,
  }),
  'batch.resumed': z.strictObject({
    provision: Provision.describe('The exchange whose postponed batch goes ahead.'),
    batch: Batch,
    party: Id.optional().describe('The side whose handover or release goes ahead; both when absent.'),
    reason: Text.optional(),
  }),
  'remains.identified': z.strictObject({
    provision: Provision.describe('The exchange the remains were handed over under.'),
    handover: EventRef.optional().describe('The handover.completed event that brought the remains.'),
    batch: Batch.optional(),
    count: Count.optional().describe('How many remains this finding covers; 1 when absent.'),
    finding: z
      .enum(['matches', 'not-a-hostage', 'partial-remains-of-returned'])
      .describe(
        'matches: a person the exchange covers; not-a-hostage or partial remains of someone already returned: not counted toward the remains owed.',
      ),
    uncertain: Approximate,
  }),
  'remains.recovered': z.strictObject({
    provision: Provision.describe('The exchange whose remains were recovered without a handover.'),
    by: Id.describe('Who recovered them: the receiving side or a search team, not the holding side.'),
    count: Count,
    uncertain: Approximate,
  }),
  'list.published': z.strictObject({
    provision: Provision.describe('The exchange whose releases the list announces.'),
    party: Id.describe('The side whose releases are listed.'),
    batch: Batch.optional(),
    count: Count,
    persons: Persons.optional(),
    categories: Categories,
  }),
  'names.vetoed': z.strictObject({
    provision: Provision.describe('The exchange whose list had names vetoed.'),
    by: Id.describe('The party that vetoed them.'),
    batch: Batch.optional(),
    count: Count,
    persons: Persons.optional(),
  }),
  'names.swapped': z.strictObject({
    provision: Provision.describe('The exchange whose list had names swapped.'),
    by: Id.describe('The party that swapped them.'),
    batch: Batch.optional(),
    count: Count.describe('How many names were replaced.'),
    removed: Persons.optional(),
    added: Persons.optional(),
  }),
  'line.moved': z.strictObject({
    provision: Provision.describe('The withdrawal provision whose line is reported moved.'),
    zones: z.array(Id).optional().describe('The zones of the provision the report concerns.'),
    metres: Count.optional().describe('How far the line is reported moved, when stated.'),
    description: Text.optional(),
  }),
  'milestone.reached': z.strictObject({
    provision: Provision.describe('The milestone provision reached (a body formed, a force deployed…).'),
  }),
  'ceasefire.enforced': z.strictObject({
    provision: Id.optional().describe('The cessation provision said to be enforced again.'),
    by: Id.describe('The party or mediator stating that the ceasefire is enforced again.'),
  }),
  'allegation.withdrawn': z.strictObject({
    of: EventRef.describe('The violation.alleged event withdrawn, by the actor who recorded it.'),
    reason: Text,
  }),
  'allegation.resolved': z.strictObject({
    of: EventRef.describe('The violation.alleged event a mediator resolved.'),
    finding: z
      .enum(['breach', 'no-breach'])
      .describe(
        'Whether the mediator found the term breached (missed) or not (the allegation no longer counts).',
      ),
    reason: Text,
  }),
  statement: z.strictObject({ text: Text }),
  correction: z.strictObject({
    of: EventRef,
    reason: Text,
    body: z.record(z.string(), z.unknown()).optional(),
  }),
  acknowledgement: z.strictObject({
    of: EventRef,
    reason: Text.optional().describe('What the acknowledging side says, in its words.'),
  }),
  dispute: z.strictObject({ of: EventRef, reason: Text, figure: Count.optional() }),
} as const;

export type EventKind = keyof typeof EventBodies;
export const EVENT_KINDS = Object.keys(EventBodies) as EventKind[];
export type EventBody<K extends EventKind> = z.infer<(typeof EventBodies)[K]>;

/** The kinds whose figure may be recorded as approximate (`uncertain: true` in their body). */
export const APPROXIMATE_KINDS = EVENT_KINDS.filter((k) => 'uncertain' in EventBodies[k].shape);
