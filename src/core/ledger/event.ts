import { z } from 'zod';
import { EVENT_KINDS, EventRef } from './event-kinds.ts';

/** Who counted a figure and how, e.g. { name: "UN 2720 mechanism", method: "trucks collected" }. */
export const FigureSource = z.strictObject({
  name: z.string().min(1).max(200),
  method: z.string().min(1).max(500).optional(),
  url: z.url().max(2000).optional(),
});

/**
 * The envelope every event shares. It is signed by the actor over its RFC 8785 canonical bytes; the
 * signed event (envelope and signature) is the leaf data of the log's Merkle tree.
 */
export const EventEnvelope = z.strictObject({
  v: z.literal(1),
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'letters, digits and . _ : / -')
    .max(128)
    .optional()
    .describe(
      "The recorder's own id for this record (a spreadsheet row's id): importing it again adds nothing. Never a person's name or id.",
    ),
  log: z.string().min(1).max(200).describe('The log (one per agreement) this event belongs to.'),
  kind: z.enum(EVENT_KINDS as [string, ...string[]]),
  occurredAt: z.iso.datetime({ offset: true }).describe('When it happened, with its offset.'),
  recordedAt: z.iso.datetime({ offset: true }).describe('When it was recorded.'),
  actor: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(64),
  body: z.record(z.string(), z.unknown()),
  refs: z.array(EventRef).max(100).optional(),
  source: FigureSource.optional(),
  note: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('A short note by the recorder, on any kind of event; not part of the figures.'),
});

export type EventEnvelope = z.infer<typeof EventEnvelope>;
export type FigureSource = z.infer<typeof FigureSource>;

/** An event as stored and published: the envelope and the actor's signature over it. */
export const SignedEvent = z.strictObject({
  event: EventEnvelope,
  signature: z.strictObject({
    key: z.string().min(1).max(300).describe('Key name+hash of the signer, as in signed-note.'),
    sig: z.base64().max(200),
  }),
});
export type SignedEvent = z.infer<typeof SignedEvent>;

/** The largest canonical signed event a log accepts, in bytes: fits the uint16 length of a tlog-tiles entry bundle. */
export const MAX_EVENT_BYTES = 60 * 1024;
