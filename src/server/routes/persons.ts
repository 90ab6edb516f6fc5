import { z } from 'zod';
import type { LedgerStore } from '../../store/ledger-store.ts';
import {
  MAX_PERSON_BYTES,
  type PersonMeta,
  PersonsQuotaError,
  PersonsStore,
  type Revealed,
} from '../../store/persons-store.ts';
import { ANY_ACTOR } from '../auth/access.ts';
import {
  candidateCommitments,
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
  for await (const page of store.entryPages(log.id, { from: indexer.next, to: log.size }))
    indexer.apply(page);
  return indexer.index();
}

type Shown = Revealed & { visibleBecause: Visibility };

/**
 * What `who` may see of a log's persons, read by indexed queries only: the log's person index
 * (built from its events), the caller's own records by owner, and others' by commitment. No
 * request reads every record: another party's records are read only when the index names them.
 */
async function personsView(ctx: ServerContext, persons: PersonsStore, logId: string, who: Principal) {
  const index = await personIndexOf(ctx.store, logId);
  // The disclosure of the agreement the log adopted (by hash), never what the catalog serves now.
  const disclosure = await disclosureOfLog(ctx, logId);
  const why = (meta: PersonMeta) =>
    personVisibility(who, meta, index.references.get(meta.commitment), disclosure);
  /** Of these records (by their metadata), those `who` may see, with why, in the order they were kept. */
  const visible = (metas: PersonMeta[]) =>
    metas.flatMap((m) => {
      const because = why(m);
      return because ? [{ meta: m, because }] : [];
    });
  /** The records of a page of visible metadata, read by id, each checked against its commitment. */
  const reveal = async (page: { meta: PersonMeta; because: Visibility }[]): Promise<Shown[]> => {
    const because = new Map(page.map((p) => [p.meta.id, p.because]));
    const ids = page.map((p) => p.meta.id);
    return (await persons.byIds(logId, ids)).map((r, i) => ({ ...r, visibleBecause: because.get(ids[i]!)! }));
  };
  /** Every record `who` may see, as metadata in the order kept: its own and those the index names. */
  const everything = async () => {
    const candidates = candidateCommitments(who, index, disclosure) ?? new Set<string>();
    const mine =
      who.actor !== null && who.role !== 'public'
        ? await persons.ownedBy(logId, { actor: who.actor, party: who.party })
        : [];
    const byId = new Map<number, PersonMeta>();
    for (const m of [...mine, ...(await persons.metaOf(logId, candidates))]) byId.set(m.id, m);
    return visible([...byId.values()].sort((a, b) => a.id - b.id));
  };
  return {
    index,
    sees: why,
    visible,
    reveal,
    everything,
    /** Operator and mediator see every record: their pages are read straight from the store. */
    seesAll: who.role === 'operator' || who.role === 'mediator',
  };
}

const view = (r: Shown) => ({
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
  const persons = new PersonsStore(ctx.database, ctx.crypto, ctx.personsQuota);
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
        'The records are kept as added by the caller: a party sees its own records; the other side sees them once they are in a list submitted to it. ' +
        'Each party keeps at most its quota of records in a log (truce serve --persons-quota, default 100000): beyond, 422 `persons-quota-exceeded` and nothing is kept.',
      params: LogParams,
      body: AddPersons,
      bodyLimit: PERSONS_BODY_LIMIT,
      responses: {
        201: {
          description: 'Kept.',
          schema: z.object({ commitments: z.array(Commitment) }),
        },
      },
      problems: [404, 413, 422],
      async handler({ params, body, request, reply }) {
        await ctx.store.requireLog(params.id);
        const who = principalOf(request);
        let commitments: string[];
        try {
          commitments = await persons.addAll(params.id, body.records, {
            actor: who.actor!,
            party: who.party,
          });
        } catch (e) {
          if (e instanceof PersonsQuotaError) throw new HttpProblem(422, e.code, e.message);
          throw e;
        }
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
        await ctx.store.requireLog(params.id);
        const v = await personsView(ctx, persons, params.id, principalOf(request));
        const from = query.from ?? 0;
        const limit = query.limit ?? 100;
        reply.header('cache-control', PRIVATE);
        if (query.list) {
          const list = v.index.list(query.list);
          if (!list) {
            throw new HttpProblem(
              404,
              'list-not-found',
              `No list.submitted event with leaf hash ${query.list} is in the log ${params.id}.`,
            );
          }
          // Only the records the list names are read.
          const { items, next } = page(v.visible(await persons.metaOf(params.id, list.persons)), from, limit);
          return { persons: (await v.reveal(items)).map(view), next };
        }
        if (v.seesAll) {
          const rows = await persons.page(params.id, from, limit + 1);
          const shown = rows.slice(0, limit).map((r) => view({ ...r, visibleBecause: 'role' }));
          return { persons: shown, next: rows.length > limit ? from + limit : null };
        }
        const { items, next } = page(await v.everything(), from, limit);
        return { persons: (await v.reveal(items)).map(view), next };
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
        await ctx.store.requireLog(params.id);
        const v = await personsView(ctx, persons, params.id, principalOf(request));
        // One record, read by its commitment.
        const r = await persons.reveal(params.id, params.commitment);
        const because = r
          ? v.sees({ id: 0, commitment: r.commitment, addedBy: r.addedBy, party: r.party })
          : undefined;
        if (!r || !because) {
          throw new HttpProblem(
            404,
            'person-not-found',
            `No record with commitment ${params.commitment.slice(0, 12)}… is visible to you in the log ${params.id}: it does not exist, or the persons policy does not show it to your role yet.`,
          );
        }
        reply.header('cache-control', PRIVATE);
        return view({ ...r, visibleBecause: because });
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
        await ctx.store.requireLog(params.id);
        const v = await personsView(ctx, persons, params.id, principalOf(request));
        const accepted = v.index.lists.filter((l) => l.acceptedAt !== null);
        const { items, next } = page(accepted, query.from, query.limit ?? 50);
        // Only the records the lists of this page name are read.
        const named = v.visible(await persons.metaOf(params.id, new Set(items.flatMap((l) => l.persons))));
        const shown = new Map((await v.reveal(named)).map((r) => [r.commitment, r]));
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
