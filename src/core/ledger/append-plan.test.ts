import { describe, expect, it } from 'vitest';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { utf8 } from '../crypto/crypto.ts';
import { ActorRegistry } from './actor-registry.ts';
import { type ParsedEvent, parseForAppend } from './append-event.ts';
import { type AppendState, planAppend } from './append-plan.ts';
import { canonicalBytes } from './canonical-json.ts';
import type { EventEnvelope } from './event.ts';
import { signEvent } from './event-sign.ts';
import { LedgerError } from './ledger-error.ts';
import { formatVerifierKey, generateSigner, type Signer } from './signed-note.ts';
import { leafHash, storedHashes, storedHashIndex, treeHash } from './tlog.ts';
import { edgeIndexes, edgeRoot, extendEdge, type TreeEdge, treeEdge } from './tree-edge.ts';

const sha256 = crypto.sha256;
const LOG = 'truce.example/log/t';
const operator = generateSigner(crypto, 'operator');
const party = generateSigner(crypto, 'party-a');
let clock = Date.parse('2023-11-24T05:00:00Z');

function parsed(
  actor: string,
  signer: Signer,
  kind: string,
  body: Record<string, unknown>,
  over: Partial<EventEnvelope> = {},
): ParsedEvent {
  clock += 1000;
  const at = new Date(clock).toISOString();
  const bytes = canonicalBytes(
    signEvent(
      crypto,
      { v: 1, log: LOG, kind, occurredAt: at, recordedAt: at, actor, body, ...over } as EventEnvelope,
      signer,
    ),
  );
  return parseForAppend(crypto, bytes);
}

const register = (actor: string, signer: Signer, role: string) =>
  parsed('operator', operator, 'actor.registered', {
    actor,
    name: actor,
    role,
    key: formatVerifierKey(signer),
    ...(role === 'party' ? { party: actor } : {}),
  });

/** A tree of `n` made-up records kept in memory the tlog way: every stored hash by storage index. */
async function memoryTree(n: number) {
  const stored: Uint8Array[] = [];
  const read = (ix: number[]) => ix.map((i) => stored[i]!);
  for (let i = 0; i < n; i++)
    stored.push(...(await storedHashes(sha256, i, leafHash(sha256, utf8(`record ${i}`)), read)));
  return { stored, read, edge: treeEdge(n, read(edgeIndexes(n))) };
}

function state(edge: TreeEdge, registry: ActorRegistry, over: Partial<AppendState> = {}): AppendState {
  return {
    log: LOG,
    operatorKey: formatVerifierKey(operator),
    edge,
    registry,
    existing: new Map(),
    takenIds: new Map(),
    refs: new Map(),
    ...over,
  };
}

const recordedAt = '2023-11-24T06:00:00.000Z';

describe('the tree edge', () => {
  it('stores what tlog stores and folds to the root tlog computes, for every size up to 70', async () => {
    const { stored, read } = await memoryTree(70);
    let edge = treeEdge(0, []);
    for (let n = 0; n < 70; n++) {
      expect(edgeRoot(sha256, edge)).toEqual(await treeHash(sha256, n, read));
      const next = extendEdge(sha256, edge, leafHash(sha256, utf8(`record ${n}`)));
      expect(next.first).toBe(storedHashIndex(0, n));
      expect(next.stored).toEqual(stored.slice(next.first, next.first + next.stored.length));
      edge = next.edge;
      expect([...edge.hashes.keys()]).toEqual(edgeIndexes(n + 1));
    }
  });
});

describe('planAppend: the head in, the rows out', () => {
  it('given the head of a log of 11 events, one statement gives one event row at 11, its stored hashes and the new root', async () => {
    const tree = await memoryTree(11);
    const registry = new ActorRegistry();
    registry.apply(register('operator', operator, 'operator').event);
    registry.apply(register('party-a', party, 'party').event);
    const e = parsed('party-a', party, 'statement', { text: 'Batch 1 is on its way.' }, { id: 'row-7' });
    const rows = await planAppend(crypto, state(tree.edge, registry), [e], { recordedAt });
    expect(rows.results).toEqual([{ index: 11, leafHash: e.hex, duplicate: false }]);
    expect(rows.entries).toEqual([
      {
        idx: 11,
        leaf: e.leaf,
        kind: 'statement',
        actor: 'party-a',
        event: new TextDecoder().decode(e.bytes),
        recordedAt,
        rowId: 'row-7',
        occurredMs: Date.parse(e.event.event.occurredAt),
      },
    ]);
    // Record 11 (binary 1011) completes two subtrees: its leaf, then the hashes of [10, 12) and [8, 12).
    const expected = await storedHashes(sha256, 11, e.leaf, tree.read);
    expect(rows.hashes).toEqual(expected.map((hash, k) => ({ id: storedHashIndex(0, 11) + k, hash })));
    expect(rows.hashes).toHaveLength(3);
    const after = [...tree.stored, ...expected];
    expect(rows.root).toEqual(await treeHash(sha256, 12, (ix) => ix.map((i) => after[i]!)));
    expect(rows.from).toBe(11);
    expect(rows.size).toBe(12);
    expect(rows.actors).toEqual([]);
  });

  it('writes the actors an event changes as they now stand, and checks later events of the batch against them', async () => {
    const registry = new ActorRegistry();
    const genesis = register('operator', operator, 'operator');
    const joins = register('party-a', party, 'party');
    const says = parsed('party-a', party, 'statement', { text: 'Here.' });
    const rows = await planAppend(crypto, state(treeEdge(0, []), registry), [genesis, joins, says], {
      recordedAt,
    });
    expect(rows.entries.map((r) => r.idx)).toEqual([0, 1, 2]);
    expect(rows.actors.map((a) => a.actor).sort()).toEqual(['operator', 'party-a']);
    expect(rows.actors.find((a) => a.actor === 'party-a')).toEqual({
      actor: 'party-a',
      name: 'party-a',
      role: 'party',
      party: 'party-a',
      key: formatVerifierKey(party),
      revoked: false,
    });
    expect(rows.hashes.map((h) => h.id)).toEqual([0, 1, 2, 3]);
  });

  it('writes nothing for events the log has, and gives their indexes back', async () => {
    const tree = await memoryTree(4);
    const e = parsed('party-a', party, 'statement', { text: 'Again.' });
    const rows = await planAppend(
      crypto,
      state({ size: 4, hashes: new Map() }, new ActorRegistry(), { existing: new Map([[e.hex, 2]]) }),
      [e, e],
      { recordedAt, expectedSize: 1 },
    );
    expect(rows.results).toEqual([
      { index: 2, leafHash: e.hex, duplicate: true },
      { index: 2, leafHash: e.hex, duplicate: true },
    ]);
    expect([rows.entries, rows.hashes, rows.actors]).toEqual([[], [], []]);
    expect(tree.edge.size).toBe(4);
  });

  it('refuses as checkEvent does, with the place of the event refused, and plans nothing', async () => {
    const tree = await memoryTree(3);
    const registry = new ActorRegistry();
    registry.apply(register('operator', operator, 'operator').event);
    const stranger = parsed('party-a', party, 'statement', { text: 'Who am I?' });
    const error = await planAppend(crypto, state(tree.edge, registry), [stranger], { recordedAt }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(LedgerError);
    expect(error).toMatchObject({
      code: 'event-unknown-actor',
      message: 'Actor "party-a" is not registered in this log.',
      position: 0,
    });
  });

  it('refuses an id the log gives another event, and a stale expected size, with their messages', async () => {
    const tree = await memoryTree(3);
    const registry = new ActorRegistry();
    registry.apply(register('party-a', party, 'party').event);
    const e = parsed('party-a', party, 'statement', { text: 'Row.' }, { id: 'r1' });
    await expect(
      planAppend(crypto, state(tree.edge, registry, { takenIds: new Map([['r1', 1]]) }), [e], { recordedAt }),
    ).rejects.toMatchObject({
      code: 'event-id-taken',
      message:
        'The id "r1" is already the id of event no. 1 of this log, another event: an id names one event of a log. Give this event a new id, or record a correction of event no. 1.',
      position: 0,
    });
    await expect(
      planAppend(crypto, state(tree.edge, registry), [e], { recordedAt, expectedSize: 2 }),
    ).rejects.toMatchObject({
      code: 'append-stale-size',
      message: 'The log has 3 events, not the 2 expected; fetch it again and retry.',
    });
  });

  it('leaves the head it was given as it was', async () => {
    const tree = await memoryTree(5);
    const registry = new ActorRegistry();
    registry.apply(register('party-a', party, 'party').event);
    const before = new Map(tree.edge.hashes);
    const rows = await planAppend(
      crypto,
      state(tree.edge, registry),
      [parsed('party-a', party, 'statement', { text: 'x' })],
      {
        recordedAt,
      },
    );
    expect(tree.edge).toEqual({ size: 5, hashes: before });
    expect(rows.edge.size).toBe(6);
  });
});
