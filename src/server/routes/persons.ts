import { z } from 'zod';
import type { LedgerStore } from '../../store/ledger-store.ts';
import { MAX_PERSON_BYTES, PersonsStore, type Revealed } from '../../store/persons-store.ts';
import { ANY_ACTOR } from '../auth/access.ts';
import {
  type PersonIndexer,
  personIndexer,
  personVisibility,
  type Visibility,
} from '../auth/persons-policy.ts';
import { type Principal, principalOf } from '../auth/principal.ts';
import type { ServerContext } from '../context.ts';
import { disclosureOfLog } from '../log-agreement.ts';
import { page, pageQuery } from '../paging.ts';
import { HttpProblem } from '../problem.ts';
import { defineRoute } from '../route.ts';
import { LeafHash, LogId, LogParams } from '../schemas.ts';

/** At most this many records in one submission. */
const MAX_PERSONS_PER_REQUEST = 500;
const PERSONS_BODY_LIMIT = 1024 * 1024;

const Commitment = z.string().regex(/^[0-9a-f]{64}$/, 'expected a commitment: 64 lower-case hex digits');

const PersonRecordInput = z
  .record(z.string().max(100), z.unknown())
  .describe(
    'A person record: names in Arabic, Hebrew and Latin script with variants, age, category, ids. Kept apart from the log; strings are stored as Unicode NFC.',
  );

const AddPersons = z.strictObject({
  records: z.array(PersonRecordInput).min(1).max(MAX_PERSONS_PER_REQUEST),
});

const Person = z
  .object({
    commitment: Commitment,
    record: z.record(z.string(), z.unknown()),
    salt: z.string().describe('base64; with the record it recomputes the commitment in the log.'),
    visibleBecause: z
      .enum(['role', 'own', 'submitted-to-you', 'manifest', 'confirmed'])
      .describe('Why the policy shows this record to the caller.'),
  })
  .meta({ title: 'Person' });

const PersonsQuery = z.strictObject({
  ...pageQuery('records', 500, 100),
  list: LeafHash.optional().describe(
    'Only the persons named by this list (the leaf hash of its list.submitted).',
  ),
});

const PersonParams = z.strictObject({ id: LogId, commitment: Commitment });

const Manifest = z.object({
  list: LeafHash.describe('The list.submitted event.'),
  index: z.int().min(0),
  actor: z.string(),
  provision: z.string(),
  batch: z.int(),
  count: z.int(),
  acceptedAt: z.int().min(0).describe('Index of the list.accepted event.'),
  persons: z.array(Person),
  unknown: z.int().min(0).describe('Commitments of the list with no record in this server’s store.'),
});

const PRIVATE = 'private, no-store';

/** Events read from the store a page at a time. */
const PAGE = 5000;

/**
 * One person index per log and store, fed the events appended since the last request: a log is
 * append-only, so each request reads only what is new (as log-evaluation.ts does for evaluations).
 */
const indexers = new WeakMap<LedgerStore, Map<string, PersonIndexer>>();

async function personIndexOf(store: LedgerStore, logId: string) {
  const log = await store.requireLog(logId);
  const byLog = indexers.get(store) ?? new Map<string, PersonIndexer>();
  indexers.set(store, byLog);
  const indexer = byLog.get(log.id) ?? personIndexer();
  byLog.set(log.id, indexer);
  for (let from = indexer.next; from < log.size; from += PAGE)
    indexer.apply(await store.entries(log.id, from, Math.min(log.size, from + PAGE)));
  return indexer.index();
}

/** The persons of a log, the log's person index for the policy, and what `who` may see of them. */
async function visibleRecords(ctx: ServerContext, persons: PersonsStore, logId: string, who: Principal) {
  const index = await personIndexOf(ctx.store, logId);
  // The disclosure of the agreement the log adopted (by hash), never what the catalog serves now.
  const disclosure = await disclosureOfLog(ctx, logId);
  const shown = new Map<string, Revealed & { visibleBecause: Visibility }>();
  for (const r of await persons.all(logId)) {
    const why = personVisibility(who, r, index.references.get(r.commitment), disclosure);
    if (why) shown.set(r.commitment, { ...r, visibleBecause: why });
  }
  return { index, shown };
}

const view = (r: Revealed & { visibleBecause: Visibility }) => ({
  commitment: r.commitment,
  record: r.record,
  salt: r.salt,
  visibleBecause: r.visibleBecause,
});

/**
 * The persons store over HTTP: records of the people held, apart from the log, shown to each role
 * only as the persons policy allows (src/server/auth/persons-policy.ts). The public sees none.
 */
export const personRoutes = (ctx: ServerContext) => {
  const persons = new PersonsStore(ctx.database, ctx.crypto);
  return [
    defineRoute({
      method: 'POST',
      url: '/api/logs/:id/persons',
      operationId: 'addPersons',
      tag: 'persons',
      access: { roles: ['operator', 'mediator', 'party'] },
      summary: 'Keep person records and get their commitments',
      description:
        `Up to ${MAX_PERSONS_PER_REQUEST} records of at most ${MAX_PERSON_BYTES} bytes each, kept all or none. ` +
        'Each gets a fresh salt; the answer gives their commitments, in order, to name them in list and handover events. ' +
        'The records are kept as added by the caller: a party sees its own records; the other side sees them once they are in a list submitted to it.',
      params: LogParams,
      body: AddPersons,
      bodyLimit: PERSONS_BODY_LIMIT,
      responses: {
        201: {
          description: 'Kept.',
          schema: z.object({ commitments: z.array(Commitment) }),
        },
      },
      problems: [404, 413],
      async handler({ params, body, request, reply }) {
        await ctx.store.requireLog(params.id);
        const who = principalOf(request);
        const commitments = await persons.addAll(params.id, body.records, {
          actor: who.actor!,
          party: who.party,
        });
        reply.code(201).header('cache-control', PRIVATE);
        return { commitments };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/logs/:id/persons',
      operationId: 'listPersons',
      tag: 'persons',
      access: { roles: ANY_ACTOR },
      summary: 'The person records the caller may see',
      description:
        'Operator and mediator: all. A party: its own, those the other side listed to it, and those whose handover was confirmed. ' +
        'The intermediary: those on its manifests. A monitor: those whose handover was confirmed. Never the public.',
      params: LogParams,
      query: PersonsQuery,
      responses: {
        200: {
          description: 'A page of records.',
          schema: z.object({ persons: z.array(Person), next: z.int().min(0).nullable() }),
        },
      },
      problems: [404],
      async handler({ params, query, request, reply }) {
        const { index, shown } = await visibleRecords(ctx, persons, params.id, principalOf(request));
        let all = [...shown.values()];
        if (query.list) {
          const list = index.lists.find((l) => l.leafHash === query.list);
          if (!list) {
            throw new HttpProblem(
              404,
              'list-not-found',
              `No list.submitted event with leaf hash ${query.list} is in the log ${params.id}.`,
            );
          }
          const named = new Set(list.persons);
          all = all.filter((r) => named.has(r.commitment));
        }
        const { items, next } = page(all, query.from, query.limit ?? 100);
        reply.header('cache-control', PRIVATE);
        return { persons: items.map(view), next };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/logs/:id/persons/:commitment',
      operationId: 'getPerson',
      tag: 'persons',
      access: { roles: ANY_ACTOR },
      summary: 'One person record, if the caller may see it',
      description:
        'A record the caller may not see answers 404, as one that does not exist: an embargoed record is not confirmed to exist.',
      params: PersonParams,
      responses: { 200: { description: 'The record.', schema: Person } },
      problems: [404],
      async handler({ params, request, reply }) {
        const { shown } = await visibleRecords(ctx, persons, params.id, principalOf(request));
        const r = shown.get(params.commitment);
        if (!r) {
          throw new HttpProblem(
            404,
            'person-not-found',
            `No record with commitment ${params.commitment.slice(0, 12)}… is visible to you in the log ${params.id}: it does not exist, or the persons policy does not show it to your role yet.`,
          );
        }
        reply.header('cache-control', PRIVATE);
        return view(r);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/logs/:id/manifests',
      operationId: 'listManifests',
      tag: 'persons',
      access: { roles: ['operator', 'mediator', 'intermediary'] },
      summary: 'The accepted lists, with the records of the persons to hand over',
      description:
        'What the intermediary carries out: each accepted list, its batch and count, and the records of its persons. It holds no other term of the agreement.',
      params: LogParams,
      query: z.strictObject(pageQuery('manifests', 200, 50)),
      responses: {
        200: {
          description: 'A page of manifests, in log order.',
          schema: z.object({ manifests: z.array(Manifest), next: z.int().min(0).nullable() }),
        },
      },
      problems: [404],
      async handler({ params, query, request, reply }) {
        const { index, shown } = await visibleRecords(ctx, persons, params.id, principalOf(request));
        const accepted = index.lists.filter((l) => l.acceptedAt !== null);
        const { items, next } = page(accepted, query.from, query.limit ?? 50);
        reply.header('cache-control', PRIVATE);
        return {
          manifests: items.map((l) => {
            const records = l.persons.flatMap((c) => {
              const r = shown.get(c);
              return r ? [view(r)] : [];
            });
            return {
              list: l.leafHash,
              index: l.index,
              actor: l.actor,
              provision: l.provision,
              batch: l.batch,
              count: l.count,
              acceptedAt: l.acceptedAt!,
              persons: records,
              unknown: l.persons.length - records.length,
            };
          }),
          next,
        };
      },
    }),
  ];
};
