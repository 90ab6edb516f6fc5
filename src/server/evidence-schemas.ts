/** The zod schemas of the evidence route: what the OpenAPI document publishes for it. */
import { z } from 'zod';
import { CURSOR } from './evidence-cursor.ts';
import { wholeNumber } from './paging.ts';
import { LeafHash } from './schemas.ts';
import { StatusQuery } from './status-schemas.ts';

/** Events of a list of evidence per page, at most. */
export const MAX_EVIDENCE_PAGE = 100;
/** Events per page when `limit` is not given. */
export const EVIDENCE_PAGE = 20;

export const EvidenceQuery = z.strictObject({
  of: z
    .string()
    .min(1)
    .max(2000)
    .describe(
      'The list of evidence: an `evidenceRef` of the status document (`provision:<id>`, `obligation:<id>`, `obligation:<id>:<source>`, `figures:<key>:<source>`, `exchange:<provision>:<from>:<to>`, `allegation:<hash>`; parts URI-encoded).',
    ),
  at: StatusQuery.shape.at.describe(
    'The moment the log is judged at, as for the status (give its `asOf` to list what it counted); default now.',
  ),
  cursor: z
    .string()
    .regex(CURSOR, 'expected a cursor as `next` gave it')
    .optional()
    .describe('Where the page starts: the `next` of the page before (default: the first event).'),
  limit: wholeNumber('events per page')
    .refine((n) => n >= 1 && n <= MAX_EVIDENCE_PAGE, `expected 1 to ${MAX_EVIDENCE_PAGE}`)
    .optional()
    .describe(`How many events per page, 1 to ${MAX_EVIDENCE_PAGE} (default ${EVIDENCE_PAGE}).`),
});

/** One event of a list of evidence, as a reader's line names it. */
export const EvidenceEvent = z
  .object({
    index: z.int().min(0).describe('Its number in the log (0 is the first event).'),
    leafHash: LeafHash,
    kind: z.string(),
    label: z
      .string()
      .optional()
      .describe(
        'What a reader names it by, when not by its kind: `release.completed.remains` for a release of remains (remains are returned, not released).',
      ),
    occurredAt: z.string().describe('When it occurred, as the event says.'),
    actor: z.string().describe('Who recorded it (an actor registered in the log).'),
  })
  .meta({ title: 'EvidenceEvent' });

export const EvidencePage = z
  .object({
    log: z.string(),
    of: z.string().describe('The list, as asked.'),
    asOf: z.string().describe("The moment judged, with the agreement's offset."),
    count: z.int().min(0).describe('How many events the whole list holds (its `evidenceCount`).'),
    events: z.array(EvidenceEvent).describe('The events of this page, in the order they occurred.'),
    next: z
      .string()
      .nullable()
      .describe('The `cursor` of the next page, or null when this page ends the list.'),
  })
  .meta({ title: 'EvidencePage' });
