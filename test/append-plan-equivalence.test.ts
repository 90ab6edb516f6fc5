import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Crypto } from '../src/core/crypto/crypto.ts';
import { ActorRegistry } from '../src/core/ledger/actor-registry.ts';
import { parseForAppend } from '../src/core/ledger/append-event.ts';
import {
  type AppendRows,
  type AppendState,
  type KnownRef,
  planAppend,
} from '../src/core/ledger/append-plan.ts';
import { AppendSignatures } from '../src/core/ledger/append-signatures.ts';
import { canonicalBytes } from '../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../src/core/ledger/event.ts';
import { signEvent } from '../src/core/ledger/event-sign.ts';
import { formatVerifierKey, generateSigner, type Signer } from '../src/core/ledger/signed-note.ts';
import { type TreeEdge, treeEdge } from '../src/core/ledger/tree-edge.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { parseForAppendBefore, planAppendBefore } from './helpers/append-plan-before.ts';
import { testSeed } from './helpers/seeded-random.ts';

/**
 * Today's append (each event parsed and canonicalised once, keys parsed once, signatures verified
 * once per event and key) against the append as it was (test/helpers/append-plan-before.ts), over
 * seeded random stories: registrations and re-registrations with other keys, revocations, events
 * by actors known and unknown, signed with the right key, another key or a signature of another
 * event, with ids taken or not, references known or not, duplicates, events of another log, text
 * in and out of ASCII and of NFC. Every batch must give the same rows, or the same refusal (code,
 * message and place), planned once or twice with what the store keeps (the same AppendSignatures).
 */

const LOG = 'truce.example/log/eq';

/** Signers from seeded bytes: the same keys every run. */
function signerOf(name: string, fill: number): Signer {
  const crypto: Crypto = { ...nodeCrypto, randomBytes: (n) => new Uint8Array(n).fill(fill) };
  return generateSigner(crypto, name);
}

const operator = signerOf('operator', 1);
/** Two keys of each actor: a registration names one; events are signed with either. */
const keys: Record<string, Signer[]> = {
  'party-a': [signerOf('party-a', 2), signerOf('party-a', 3)],
  monitor: [signerOf('monitor', 4), signerOf('monitor', 5)],
  stranger: [signerOf('stranger', 6), signerOf('stranger', 7)],
};
const ACTORS = Object.keys(keys);
const TEXTS = ['Batch 1 is on its way.', 'Café', 'Cafe\u0301', 'قافلة المساعدات', 'שיירה', 'x'];

type Step =
  /** Dated an hour earlier than it is recorded (-1, back-filled), at that moment (0) or an hour later (1). */
  | { t: 'register'; actor: string; key: number; when: number }
  /** By the operator, or (not permitted) by the actor itself. */
  | { t: 'revoke'; actor: string; self: boolean }
  | {
      t: 'statement';
      kind: 'statement' | 'dispute';
      actor: string;
      /** 0: the key last registered for the actor; 1: its other key. */
      key: number;
      text: number;
      id: number;
      ref: number;
      wrongLog: boolean;
      stolenSig: boolean;
    }
  | { t: 'again'; of: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('register' as const),
      actor: fc.constantFrom(...ACTORS),
      key: fc.integer({ min: 0, max: 1 }),
      when: fc.integer({ min: -1, max: 1 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('revoke' as const),
      actor: fc.constantFrom(...ACTORS),
      self: fc.boolean(),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('statement' as const),
      kind: fc.constantFrom('statement' as const, 'dispute' as const),
      actor: fc.constantFrom(...ACTORS),
      // Three in four with the key registered, one in four with the other.
      key: fc.integer({ min: 0, max: 3 }).map((n) => (n === 0 ? 1 : 0)),
      text: fc.integer({ min: 0, max: TEXTS.length - 1 }),
      id: fc.integer({ min: 0, max: 3 }),
      ref: fc.integer({ min: 0, max: 3 }),
      // One in twelve of another log, one in twelve with a signature of another event.
      wrongLog: fc.integer({ min: 0, max: 11 }).map((n) => n === 0),
      stolenSig: fc.integer({ min: 0, max: 11 }).map((n) => n === 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('again' as const), of: fc.nat() }) },
);

/** A story: batches of steps, appended one batch after another. */
const story = fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 });

const outcome = async (plan: () => Promise<AppendRows>) => {
  try {
    return { rows: await plan() };
  } catch (e) {
    return {
      code: (e as { code?: string }).code,
      message: (e as Error).message,
      position: (e as { position?: number }).position,
    };
  }
};

describe('the append planned today and as it was', () => {
  it('gives the same rows and the same refusals, planned once or again', async () => {
    const seed = testSeed(1414);
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(story, async (batches) => {
        let clock = Date.parse('2023-11-24T05:00:00Z');
        const sign = (actor: string, signer: Signer, kind: string, body: object, over: object = {}) => {
          clock += 1000;
          const at = new Date(clock).toISOString();
          const envelope = { v: 1, log: LOG, kind, occurredAt: at, recordedAt: at, actor, body, ...over };
          return signEvent(nodeCrypto, envelope as EventEnvelope, signer);
        };
        // What the log holds, as the store would read it for each append.
        let edge: TreeEdge = treeEdge(0, []);
        let registry = new ActorRegistry();
        const existing = new Map<string, number>();
        const takenIds = new Map<string, number>();
        const known = new Map<string, KnownRef>();
        const made: Uint8Array[] = [];
        /** The key each actor was last registered with in a registration planned (0 before any). */
        const registered = new Map<string, number>();
        const signatures = new AppendSignatures(nodeCrypto);
        const bytesOf = (s: Step): Uint8Array => {
          if (s.t === 'again')
            return made.length === 0
              ? bytesOf({ t: 'revoke', actor: 'monitor', self: false })
              : made[s.of % made.length]!;
          if (s.t === 'register') {
            const signer = keys[s.actor]![s.key]!;
            registered.set(s.actor, s.key);
            const body = {
              actor: s.actor,
              name: s.actor,
              role: s.actor === 'party-a' ? 'party' : 'monitor',
              key: formatVerifierKey(signer),
              ...(s.actor === 'party-a' ? { party: 'party-a' } : {}),
            };
            const at = new Date(clock + 1000 + s.when * 3_600_000).toISOString();
            return canonicalBytes(sign('operator', operator, 'actor.registered', body, { occurredAt: at }));
          }
          if (s.t === 'revoke')
            return canonicalBytes(
              s.self
                ? sign(s.actor, keys[s.actor]![registered.get(s.actor) ?? 0]!, 'actor.revoked', {
                    actor: s.actor,
                  })
                : sign('operator', operator, 'actor.revoked', { actor: s.actor }),
            );
          const refs = [...existing.keys()];
          const over = {
            ...(s.id > 0 ? { id: `row-${s.id}` } : {}),
            ...(s.ref === 1 && refs.length > 0 ? { refs: [refs[refs.length - 1]!] } : {}),
            ...(s.ref === 2 ? { refs: ['ab'.repeat(32)] } : {}),
            ...(s.wrongLog ? { log: 'truce.example/log/other' } : {}),
          };
          const signer = keys[s.actor]![(registered.get(s.actor) ?? 0) ^ s.key]!;
          // A dispute of the actor's own last event, of the event last appended, or of one the log
          // does not hold.
          const own = [...known].filter(([, k]) => k.actor === s.actor).at(-1)?.[0];
          const of =
            s.ref === 3
              ? 'cd'.repeat(32)
              : ((s.ref === 0 ? own : undefined) ?? refs.at(-1) ?? 'cd'.repeat(32));
          const body = s.kind === 'statement' ? { text: TEXTS[s.text]! } : { of, reason: TEXTS[s.text]! };
          const signed = sign(s.actor, signer, s.kind, body, over);
          if (s.stolenSig) {
            // The signature of another event by the same key: canonical, but not over this event.
            const other = sign(s.actor, signer, 'statement', { text: 'other' });
            return canonicalBytes({ ...signed, signature: other.signature });
          }
          return canonicalBytes(signed);
        };
        // The operator registered a day before the story (a registration may be dated back an hour).
        const genesis = canonicalBytes(
          sign(
            'operator',
            operator,
            'actor.registered',
            {
              actor: 'operator',
              name: 'operator',
              role: 'operator',
              key: formatVerifierKey(operator),
            },
            { occurredAt: '2023-11-23T05:00:00.000Z' },
          ),
        );
        // The genesis, then each batch made as the log stands when it comes.
        for (const steps of [[], ...batches]) {
          const events = steps.length === 0 ? [genesis] : steps.map(bytesOf);
          const state = (reg: ActorRegistry): AppendState => ({
            log: LOG,
            operatorKey: formatVerifierKey(operator),
            edge,
            registry: reg,
            existing: new Map(
              events.flatMap((e) => {
                const hex = parseForAppendBefore(nodeCrypto, e).hex;
                const at = existing.get(hex);
                return at === undefined ? [] : [[hex, at] as const];
              }),
            ),
            takenIds,
            refs: known,
          });
          const recordedAt = new Date(clock).toISOString();
          const before = await outcome(() =>
            planAppendBefore(
              nodeCrypto,
              state(registry.clone()),
              events.map((e) => parseForAppendBefore(nodeCrypto, e)),
              { recordedAt },
            ),
          );
          const parsed = events.map((e) => parseForAppend(nodeCrypto, e));
          const today = await outcome(() =>
            planAppend(nodeCrypto, state(registry.clone()), parsed, { recordedAt, signatures }),
          );
          // Planned again from the same events, as after another writer got there first.
          const again = await outcome(() =>
            planAppend(nodeCrypto, state(registry.clone()), parsed, { recordedAt, signatures }),
          );
          expect(today).toEqual(before);
          expect(again).toEqual(before);
          seen.add('rows' in today ? 'rows' : String(today.code));
          if (!('rows' in today) || !today.rows) continue;
          // The log as the rows leave it.
          const rows = today.rows;
          const after = registry.clone();
          for (const [k, p] of parsed.entries()) {
            const r = rows.results[k]!;
            if (r.duplicate) continue;
            existing.set(p.hex, r.index);
            after.apply(p.event);
            if (p.event.event.id !== undefined) takenIds.set(p.event.event.id, r.index);
            known.set(p.hex, { actor: p.event.event.actor, kind: p.event.event.kind, event: p.event.event });
            made.push(p.bytes);
          }
          registry = after;
          if (rows.entries.length > 0) edge = rows.edge;
        }
      }),
      { seed, numRuns: 100 },
    );
    // The stories reach every outcome compared.
    expect([...seen].sort()).toEqual([
      'event-bad-signature',
      'event-before-registration',
      'event-id-taken',
      'event-not-permitted',
      'event-unknown-actor',
      'event-unknown-reference',
      'event-wrong-log',
      'rows',
    ]);
  }, 120_000);
});
