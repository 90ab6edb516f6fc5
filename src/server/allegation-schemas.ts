/** The zod schemas of the allegations route: what the OpenAPI document publishes for it. */
import { z } from 'zod';
import { ALLEGATION_STATES } from '../core/compliance/allegation-summary.ts';
import { CURSOR } from './evidence-cursor.ts';
import { wholeNumber } from './paging.ts';
import { Allegation, StatusQuery } from './status-schemas.ts';

/** Allegations per page, at most. */
export const MAX_ALLEGATION_PAGE = 100;
/** Allegations per page when `limit` is not given. */
export const ALLEGATION_PAGE = 20;

const STATES = ALLEGATION_STATES as ['open', 'disputed', 'acknowledged', 'withdrawn', 'resolved'];

export const AllegationQuery = z.strictObject({
  at: StatusQuery.shape.at.describe(
    'The moment the log is judged at, as for the status (give its `asOf` to list what it counted); default now.',
  ),
  against: z.string().min(1).max(200).optional().describe('Only the allegations against this party.'),
  provision: z.string().min(1).max(200).optional().describe('Only the allegations that name this provision.'),
  state: z.enum(STATES).optional().describe('Only the allegations in this state.'),
  cursor: z
    .string()
    .regex(CURSOR, 'expected a cursor as `next` gave it')
    .optional()
    .describe('Where the page starts: the `next` of the page before (default: the first allegation).'),
  limit: wholeNumber('allegations per page')
    .refine((n) => n >= 1 && n <= MAX_ALLEGATION_PAGE, `expected 1 to ${MAX_ALLEGATION_PAGE}`)
    .optional()
    .describe(`How many allegations per page, 1 to ${MAX_ALLEGATION_PAGE} (default ${ALLEGATION_PAGE}).`),
});

export const AllegationPage = z
  .object({
    log: z.string(),
    asOf: z.string().describe("The moment judged, with the agreement's offset."),
    count: z
      .int()
      .min(0)
      .describe('How many allegations the whole list holds (with the filters asked for, if any).'),
    allegations: z
      .array(
        Allegation.extend({
          index: z
            .int()
            .min(0)
            .describe('The number in the log of the allegation’s event (0 is the first event).'),
        }),
      )
      .describe('The allegations of this page, in the order they occurred.'),
    next: z
      .string()
      .nullable()
      .describe('The `cursor` of the next page, or null when this page ends the list.'),
  })
  .meta({ title: 'AllegationPage' });
