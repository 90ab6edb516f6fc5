/**
 * The zod schemas of the API's responses: what the OpenAPI document publishes and what the tests
 * hold the answers to.
 */
import { z } from 'zod';
import { SignedEvent } from '../core/ledger/event.ts';
import { PlacedOnRecord } from './status-schemas.ts';

export const LeafHash = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits')
  .describe('SHA-256 of 0x00 ‖ the canonical bytes of the signed event, hex.');

export const LogId = z.string().min(1).max(200).describe('The log: one per agreement, named by its id.');

export const LogParams = z.strictObject({ id: LogId });

/** Where a log comes from (core/ledger/provenance.ts): what a reader must be told before reading it. */
export const LogProvenance = z
  .object({
    reconstructed: z
      .boolean()
      .describe('Rebuilt afterwards from public reporting, not recorded as things happened.'),
    demoKeys: z
      .boolean()
      .describe(
        'Signed with demonstration keys anyone can derive: the signatures prove nothing about who said what.',
      ),
  })
  .describe('Where the log comes from: what a reader must be told before reading it.');

export const LogSummary = z.object({
  id: z.string(),
  origin: z.string().describe('The origin line of its checkpoints (C2SP tlog-checkpoint).'),
  logKey: z.string().describe("The operator's verifier key (C2SP signed-note): checks checkpoints."),
  size: z.int().min(0).describe('Events in the log now.'),
  root: z.string().describe('Root hash of the tree at this size, hex.'),
  checkpointSize: z.int().min(0).nullable().describe('Size of the latest signed checkpoint; null if none.'),
  adopted: z
    .object({
      agreement: z.string(),
      version: z.union([z.int(), z.string()]),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      index: z.int().min(0).describe('The agreement.adopted event.'),
      occurredAt: z.string().describe('When the text was adopted: in force from then on.'),
    })
    .nullable()
    .describe(
      'The agreement text the log adopted (its latest agreement.adopted event): what it is judged against now. Null if none.',
    ),
  provenance: LogProvenance,
  actors: z
    .array(
      z.object({
        actor: z.string(),
        name: z.string().describe('The name it was registered with, as given.'),
        role: z.string(),
        party: z.string().optional().describe('The party of the agreement it acts for, if any.'),
      }),
    )
    .describe(
      'The actors registered in the log (their public registrations, without keys): what a reader names the recorder of an event by.',
    ),
});

export const AgreementSummary = z.object({
  id: z.string(),
  title: z.unknown().describe('The title, in one or several languages.'),
  kind: z.enum(['agreement', 'proposal']),
  version: z.union([z.string(), z.number()]),
});

export const StoredEvent = z.object({
  index: z.int().min(0),
  leafHash: LeafHash,
  event: SignedEvent,
});

export const EventPage = z.object({
  log: z.string(),
  size: z.int().min(0).describe('Events in the log when the page was read.'),
  from: z.int().min(0),
  events: z.array(StoredEvent),
  next: z.int().min(0).nullable().describe('`from` of the next page; null at the end of the log.'),
});

export const EventWithProof = StoredEvent.extend({
  log: z.string(),
  checkpointSize: z.int().min(0).nullable().describe('Size of the checkpoint the receipt is under.'),
  proof: z
    .string()
    .nullable()
    .describe(
      'C2SP tlog-proof receipt under the latest checkpoint; null until a checkpoint covers the event.',
    ),
});

export const AppendResult = z.object({
  index: z.int().min(0),
  leafHash: LeafHash,
  duplicate: z.boolean().describe('True when the event was already in the log: it keeps its first index.'),
  size: z.int().min(0).describe('Events in the log after the append.'),
});

/** A line as a code with parameters: each parameter a value, a reference to a name, or a nested line. */
const PlanLine = z
  .object({ code: z.string(), params: z.record(z.string(), z.unknown()) })
  .describe('What the line says, as a code with parameters (see the catalogues in src/core/words).');

const Obligation = z.looseObject({
  id: z.string(),
  provision: z.string(),
  action: z.string(),
  party: z.string(),
  quantity: z.number().optional(),
  quantityMax: z.number().optional(),
  unit: z.string().optional(),
  day: z.int(),
  date: z.string().nullable(),
  due: z.string().nullable(),
  line: PlanLine,
  text: z.string().describe("The line worded in the reader's language (the response's Content-Language)."),
  description: z.string().describe('Deprecated: the line in English. Read `line`, or `text` in a language.'),
});

export const PlanResponse = z.looseObject({
  agreement: z.string(),
  version: z.union([z.string(), z.number()]),
  kind: z.enum(['agreement', 'proposal']),
  timeZone: z.string(),
  start: z.string().nullable(),
  phases: z.array(
    z.looseObject({ id: z.string(), startDay: z.int().nullable(), endDay: z.int().nullable() }),
  ),
  days: z.array(
    z.object({
      day: z.int(),
      date: z.string().nullable(),
      phase: z.string().nullable(),
      phaseDay: z.int().nullable(),
      obligations: z.array(Obligation),
    }),
  ),
  standing: z.array(
    z.looseObject({ provision: z.string(), line: PlanLine, text: z.string(), description: z.string() }),
  ),
  lang: z.enum(['en', 'ar', 'he']).describe('The language of every `text`.'),
  totals: z.array(
    z.looseObject({ party: z.string(), category: z.string(), unit: z.string(), quantity: z.number() }),
  ),
  noteLines: z
    .array(PlanLine)
    .describe("The planner's notes (what it assumed, what it could not place) as codes with parameters."),
  notesText: z.array(z.string()).describe("The notes worded in the reader's language."),
  notes: z
    .array(z.string())
    .describe(
      'Deprecated: the notes in English, naming by ids. Read `noteLines`, or `notesText` in a language.',
    ),
  placedOnRecord: PlacedOnRecord,
  dates: z
    .array(
      z.looseObject({
        provision: z.string(),
        day: z.int(),
        date: z.string().nullable(),
        description: z.string(),
      }),
    )
    .optional()
    .describe(
      'Dates the terms state that oblige no party (an authorization until a date): never obligations.',
    ),
});

const Side = z.object({
  id: z.string(),
  title: z.unknown(),
  version: z.union([z.string(), z.number()]),
  kind: z.enum(['agreement', 'proposal']),
});

export const ComparisonResponse = z.object({
  a: Side,
  b: Side,
  terms: z.array(
    z.object({
      path: z.string(),
      change: z.enum(['added', 'removed', 'changed']),
      before: z.unknown().optional(),
      after: z.unknown().optional(),
      line: PlanLine,
      text: z
        .string()
        .describe("The change worded in the reader's language (the response's Content-Language)."),
      label: z.string().describe('Deprecated: the change in English. Read `line`, or `text` in a language.'),
    }),
  ),
  summary: z.array(
    z.object({
      lines: z.object({ term: PlanLine, a: PlanLine, b: PlanLine }),
      text: z
        .object({ term: z.string(), a: z.string(), b: z.string() })
        .describe("The term and both values worded in the reader's language."),
      term: z.string().describe('Deprecated: the term in English.'),
      a: z.string().describe("Deprecated: A's value in English."),
      b: z.string().describe("Deprecated: B's value in English."),
      same: z.boolean(),
    }),
  ),
  outcomes: z
    .looseObject({
      series: z.array(
        z.looseObject({
          key: z.string(),
          line: PlanLine,
          text: z.string().describe("What the series counts, in the reader's language."),
          label: z.string().describe('Deprecated: the series in English.'),
        }),
      ),
    })
    .describe('Cumulative outcome curves of A and B, day by day.'),
  lang: z.enum(['en', 'ar', 'he']).describe('The language of every `text`.'),
});
