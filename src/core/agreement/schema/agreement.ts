import { z } from 'zod';
import { DateTime, Id, LocalizedText, Place, Provenance } from './common.ts';
import { Disclosure } from './disclosure.ts';
import { Phase } from './phase.ts';
import { Provision } from './provisions.ts';

export const PartyRole = z.enum(['party', 'mediator', 'guarantor', 'intermediary', 'monitor']);

export const Party = z.strictObject({
  id: Id,
  name: LocalizedText,
  role: z
    .union([PartyRole, z.array(PartyRole).min(1)])
    .describe('A role, or several (a mediator that is also a guarantor).'),
  side: Id.optional().describe(
    'For a group that holds persons on one side of the conflict, alongside others: the party whose side it is on.',
  ),
  ...Provenance,
});

/** A condition of a whole proposal ("all for all, if the war stops completely"), not of one term. */
export const Precondition = z.strictObject({
  text: LocalizedText,
  ...Provenance,
});

/** The neutral term an agreement uses for the persons a party holds. */
export const HeldTerm = z.strictObject({
  heldBy: Id,
  singular: LocalizedText,
  plural: LocalizedText,
});

export const Agreement = z
  .strictObject({
    $schema: z.string().optional(),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .max(64),
    title: LocalizedText,
    version: z.union([z.int().min(1), z.string().min(1)]),
    kind: z.enum(['agreement', 'proposal']),
    agreedOn: z.iso.date().optional(),
    timeZone: z.string().min(1).describe('IANA time zone, e.g. Asia/Gaza.'),
    start: DateTime.optional().describe('Required for an agreement; a proposal may leave it open.'),
    parties: z.array(Party).min(2),
    terms: z.array(HeldTerm).optional(),
    places: z
      .array(Place)
      .optional()
      .describe(
        'Places the provisions refer to by id alone (a destination, a zone, where the displaced return), with their names.',
      ),
    phases: z.array(Phase).min(1),
    provisions: z.array(Provision),
    preconditions: z
      .array(Precondition)
      .optional()
      .describe('What the whole proposal is conditional on; shown with it, never planned as a term.'),
    disclosure: Disclosure.optional(),
    sources: z.array(z.string().min(1)).optional(),
    ...Provenance,
  })
  .meta({ title: 'Truce agreement or proposal', id: 'https://truce.example/schema/agreement.schema.json' });
