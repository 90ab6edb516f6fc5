import { z } from 'zod';
import { type Crypto, toHex } from '../../src/core/crypto/crypto.ts';
import type { AppendRows, AppendState, FitHook } from '../../src/core/ledger/append-plan.ts';
import { canonicalBytes } from '../../src/core/ledger/canonical-json.ts';
import { checkEvent } from '../../src/core/ledger/check-event.ts';
import { type EventEnvelope, MAX_EVENT_BYTES, SignedEvent } from '../../src/core/ledger/event.ts';
import { checkEnvelope } from '../../src/core/ledger/event-sign.ts';
import { LedgerError } from '../../src/core/ledger/ledger-error.ts';
import { type Hash, leafHash } from '../../src/core/ledger/tlog.ts';
import { edgeRoot, extendEdge } from '../../src/core/ledger/tree-edge.ts';

/**
 * The append's parse and plan as they were before each event was parsed and canonicalised once
 * for the whole append (commit 130e35e), kept unchanged as the reference the tests hold today's
 * parseForAppend and planAppend to: the same rows, the same refusals, to the letter. The zod
 * checks (checkEnvelope, the schemas) and checkEvent are today's: what is compared is what the
 * parse and the planner do with them.
 */

/** A signed event ready to append, as it was: parsed, with its leaf hash (bytes and hex). */
export interface ParsedEventBefore {
  event: SignedEvent;
  bytes: Uint8Array;
  leaf: Hash;
  hex: string;
}

function issues(e: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return e.issues.map((i) => `${i.path.map(String).join('.') || '(top)'}: ${i.message}`).join('; ');
}

const SignedShell = z.strictObject({ event: z.unknown(), signature: SignedEvent.shape.signature });

function parseOnce(value: unknown, text: string): SignedEvent | undefined {
  const shell = SignedShell.safeParse(value);
  if (!shell.success) return undefined;
  let event: EventEnvelope;
  try {
    event = checkEnvelope(shell.data.event);
  } catch {
    return undefined;
  }
  const signed = { event, signature: shell.data.signature };
  return new TextDecoder().decode(canonicalBytes(signed)) === text ? signed : undefined;
}

/** parseSignedEvent as it was. */
export function parseSignedEventBefore(bytes: Uint8Array): SignedEvent {
  if (bytes.length > MAX_EVENT_BYTES) {
    throw new LedgerError(
      'event-too-large',
      `The event is ${bytes.length} bytes; at most ${MAX_EVENT_BYTES} are accepted.`,
    );
  }
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    value = JSON.parse(text);
  } catch {
    throw new LedgerError('event-invalid', 'The event is not valid UTF-8 JSON.');
  }
  const quick = parseOnce(value, text);
  if (quick) return quick;
  const parsed = SignedEvent.safeParse(value);
  if (!parsed.success)
    throw new LedgerError('event-invalid', `The event is not valid: ${issues(parsed.error)}.`);
  const event = checkEnvelope(parsed.data.event);
  const signed = { event, signature: parsed.data.signature };
  if (new TextDecoder().decode(canonicalBytes(signed)) !== text) {
    throw new LedgerError(
      'event-not-canonical',
      'The event is not in RFC 8785 canonical form (or not in Unicode NFC).',
    );
  }
  return signed;
}

/** parseForAppend as it was. */
export function parseForAppendBefore(crypto: Crypto, bytes: Uint8Array): ParsedEventBefore {
  const event = parseSignedEventBefore(bytes);
  const leaf = leafHash(crypto.sha256, bytes);
  return { event, bytes, leaf, hex: toHex(leaf) };
}

const decoder = new TextDecoder();

/** planAppend as it was. */
export async function planAppendBefore(
  crypto: Crypto,
  state: AppendState,
  events: ParsedEventBefore[],
  options: { expectedSize?: number; recordedAt: string; fit?: FitHook },
): Promise<AppendRows> {
  const { edge: start, registry, existing } = state;
  const fresh = events.filter((p) => !existing.has(p.hex));
  if (options.expectedSize !== undefined && fresh.length > 0 && options.expectedSize !== start.size) {
    throw new LedgerError(
      'append-stale-size',
      `The log has ${start.size} events, not the ${options.expectedSize} expected; fetch it again and retry.`,
    );
  }
  const rows: AppendRows = {
    results: [],
    entries: [],
    hashes: [],
    actors: [],
    from: start.size,
    size: start.size,
    root: new Uint8Array(0),
    edge: start,
  };
  if (fresh.length === 0) {
    rows.results = events.map((p) => ({ index: existing.get(p.hex)!, leafHash: p.hex, duplicate: true }));
    return rows;
  }
  const takenIds = new Map(state.takenIds);
  const refs = new Map(state.refs);
  const changedActors = new Set<string>();
  const added = new Map<string, number>();
  let edge = start;
  for (const [position, p] of events.entries()) {
    const known = existing.get(p.hex) ?? added.get(p.hex);
    if (known !== undefined) {
      rows.results.push({ index: known, leafHash: p.hex, duplicate: true });
      continue;
    }
    const size = edge.size;
    try {
      const id = p.event.event.id;
      if (id !== undefined) {
        const taken = takenIds.get(id);
        if (taken !== undefined)
          throw new LedgerError(
            'event-id-taken',
            `The id "${id}" is already the id of event no. ${taken} of this log, another event: an id names one event of a log. Give this event a new id, or record a correction of event no. ${taken}.`,
          );
        takenIds.set(id, size);
      }
      const standing = registry.at(p.event.event.actor, p.event.event.occurredAt);
      checkEvent(crypto, p.event, {
        log: state.log,
        size,
        operatorKey: state.operatorKey,
        ...standing,
        refs,
      });
      if (options.fit)
        await options.fit(p.event, {
          actor: standing.actor,
          ref: (hash) => refs.get(hash)?.event,
        });
    } catch (e) {
      throw Object.assign(e as Error, { position });
    }
    const next = extendEdge(crypto.sha256, edge, p.leaf);
    next.stored.forEach((hash, k) => {
      rows.hashes.push({ id: next.first + k, hash });
    });
    edge = next.edge;
    rows.entries.push({
      idx: size,
      leaf: p.leaf,
      kind: p.event.event.kind,
      actor: p.event.event.actor,
      event: decoder.decode(p.bytes),
      recordedAt: options.recordedAt,
      rowId: p.event.event.id ?? null,
      occurredMs: Date.parse(p.event.event.occurredAt),
    });
    const changed = registry.apply(p.event);
    if (changed) changedActors.add(changed);
    refs.set(p.hex, { actor: p.event.event.actor, kind: p.event.event.kind, event: p.event.event });
    added.set(p.hex, size);
    rows.results.push({ index: size, leafHash: p.hex, duplicate: false });
  }
  for (const actor of changedActors) {
    const a = registry.latest(actor);
    if (a) rows.actors.push(a);
  }
  rows.edge = edge;
  rows.size = edge.size;
  rows.root = edgeRoot(crypto.sha256, edge);
  return rows;
}
