import { z } from 'zod';

/**
 * When the names of the persons held are shown, beyond the side that holds them, the operator and
 * the mediators. The public never sees them; the intermediary always sees its manifests, which it
 * needs to carry out a handover.
 */
export const Disclosure = z
  .strictObject({
    counterpart: z
      .enum(['on-list', 'on-confirmation'])
      .default('on-list')
      .describe(
        'When the other party sees the records of the persons a side lists: once the list is submitted to it (on-list), or only once their handover is confirmed.',
      ),
    monitors: z
      .enum(['on-confirmation', 'never'])
      .default('on-confirmation')
      .describe('Whether monitors see the records of persons whose handover was confirmed.'),
  })
  .describe('Who sees the names of the persons held, and from when. The public never does.');

export type Disclosure = z.infer<typeof Disclosure>;

/** The disclosure of an agreement that says nothing of it: the schema's defaults. */
export const DEFAULT_DISCLOSURE: Disclosure = Disclosure.parse({});
