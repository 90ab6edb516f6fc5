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
  }),
  'list.accepted': z.strictObject({ list: EventRef }),
  'list.rejected': z.strictObject({ list: EventRef, reason: Text }),
  'handover.completed': z.strictObject({
    provision: Id,
    batch: z.int().min(1).optional(),
    count: Count,
    persons: Persons.optional(),
    to: Id,
    via: Id.optional(),
  }),
  'handover.confirmed': z.strictObject({ handover: EventRef, count: Count, persons: Persons.optional() }),
  'release.completed': z.strictObject({
    provision: Id.optional(),
    batch: z.int().min(1).optional(),
    party: Id,
    count: Count,
    category: Id.optional(),
    persons: Persons.optional(),
    outsideFormula: z.boolean().optional(),
    countsTowardQuota: z.boolean().optional(),
  }),
  'aid.delivered': z.strictObject({
    provision: Id.optional(),
    date: z.iso.date(),
    quantity: Count,
    unit: z.enum(['truck', 'litre', 'person', 'patient', 'tent', 'home']),
    category: Id.optional(),
    destination: Id.optional(),
  }),
  'crossing.opened': z.strictObject({ crossing: Id, provision: Id.optional() }),
  'crossing.closed': z.strictObject({ crossing: Id, provision: Id.optional(), reason: Text.optional() }),
  'withdrawal.completed': z.strictObject({ provision: Id, zones: z.array(Id).min(1) }),
  'violation.alleged': z.strictObject({
    against: Id,
    provision: Id.optional(),
    description: Text,
    place: Text.optional(),
  }),
  'extension.agreed': z.strictObject({
    phase: Id,
    /** A localized pause's zone, when only that zone is extended (the zones after it move). */
    zone: Id.optional(),
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
  acknowledgement: z.strictObject({ of: EventRef }),
  dispute: z.strictObject({ of: EventRef, reason: Text, figure: Count.optional() }),
} as const;

export type EventKind = keyof typeof EventBodies;
export const EVENT_KINDS = Object.keys(EventBodies) as EventKind[];
export type EventBody<K extends EventKind> = z.infer<(typeof EventBodies)[K]>;
