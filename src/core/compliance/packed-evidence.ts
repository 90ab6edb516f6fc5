import { toHex } from '../crypto/crypto.ts';
import { chunksOf, isLazy } from './chunked-list.ts';
import { partsOf } from './ordered-hashes.ts';

/**
 * An evaluation's evidence lists packed for the trip from the thread that judged it to the one
 * that serves it: every list of leaf hashes becomes a marker (where its hashes start, how many),
 * and the hashes themselves 32 bytes each in one buffer, moved rather than copied. Unpacked, each
 * list is a lazy array (see lazyHashes): its length is known at once and a hash is read from the
 * buffer only when asked for. A log of a million events is judged with some 2.7 million leaf
 * hashes of evidence: as strings, copying them from the judging worker blocked the server's event
 * loop for seconds and took some 200 MB an evaluation; packed, 86 MB moved for nothing.
 */

/** A packed list in the value sent: its first hash's number in the buffer, and its length. */
export interface PackedList {
  packedEvidence: number;
  length: number;
}

export const HASH_BYTES = 32;

/**
 * Whether `v` is a marker of a list: a plain object whose keys are exactly `keys`, each a number
 * (an evidence list's own members are strings, never such an object).
 */
export function isListMarker(v: unknown, keys: readonly string[]): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const own = Object.keys(v);
  return (
    own.length === keys.length && keys.every((k) => typeof (v as Record<string, unknown>)[k] === 'number')
  );
}

const isPackedList = (v: unknown): v is PackedList => isListMarker(v, ['packedEvidence', 'length']);

/** The value of each lower-case hex digit by its character code; −1 for any other character. */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) DIGIT[48 + i] = i;
for (let i = 0; i < 6; i++) DIGIT[97 + i] = 10 + i;

/**
 * The bytes of lists packed before, by list: an evaluator hands out the same list, unchanged, in
 * each result until an event touches it (lists handed out never change), so that the second's
 * next status packs only what changed. Each is kept with the list's length and end hashes, checked
 * before it is used again.
 */
const packedBefore = new WeakMap<readonly unknown[], { bytes: Uint8Array; first: unknown; last: unknown }>();

/**
 * The bytes of each chunk of the live log's lists packed so far (see ChunkedList): a chunk never
 * changes once a list holding it is handed out, and the next version of a list shares every chunk
 * but those an event touched, so a list that grew by one hash is packed by copying the bytes of its
 * other chunks, not by reading their hashes again.
 */
const packedChunks = new WeakMap<readonly unknown[], Uint8Array>();

/** The hashes of `list` as bytes, 32 each; undefined when one is not 64 lower-case hex digits. */
function hashBytes(list: readonly unknown[]): Uint8Array | undefined {
  const bytes = new Uint8Array(list.length * HASH_BYTES);
  let at = 0;
  for (let k = 0; k < list.length; k++) {
    const h = list[k];
    if (typeof h !== 'string' || h.length !== 64) return undefined;
    // Read by character code: a call into the encoder for each hash cost more than its digits.
    for (let i = 0; i < 64; i += 2) {
      const a = h.charCodeAt(i);
      const b = h.charCodeAt(i + 1);
      const hi = DIGIT[a & 127]!;
      const lo = DIGIT[b & 127]!;
      if ((hi | lo) < 0 || (a | b) > 127) return undefined;
      bytes[at++] = (hi << 4) | lo;
    }
  }
  return bytes;
}

/** The hashes of the lists packed so far, growing as lists are added. */
export class HashBuffer {
  bytes = new Uint8Array(64 * HASH_BYTES);
  count = 0;

  /** Adds the list's hashes; a list that holds anything but 64 lower-case hex digits adds nothing (false). */
  add(list: readonly unknown[]): boolean {
    const start = this.count;
    // A list of the live log: chunk by chunk, each chunk's bytes packed once.
    const chunks = chunksOf(list);
    if (chunks) {
      for (const chunk of chunks) {
        let bytes = packedChunks.get(chunk);
        if (!bytes) {
          bytes = hashBytes(chunk);
          if (!bytes) {
            this.count = start;
            return false;
          }
          packedChunks.set(chunk, bytes);
        }
        this.put(bytes);
      }
      return true;
    }
    // A union joined from lists (ordered-hashes.ts) is packed from theirs, most packed before.
    const parts = partsOf(list);
    if (parts && !packedBefore.has(list)) {
      for (const part of parts)
        if (!this.add(part)) {
          this.count = start;
          return false;
        }
      packedBefore.set(list, {
        bytes: this.bytes.slice(start * HASH_BYTES, this.count * HASH_BYTES),
        first: list[0],
        last: list[list.length - 1],
      });
      return true;
    }
    const before = packedBefore.get(list);
    if (
      before &&
      before.bytes.length === list.length * HASH_BYTES &&
      before.first === list[0] &&
      before.last === list[list.length - 1]
    ) {
      this.put(before.bytes);
      return true;
    }
    const bytes = hashBytes(list);
    if (!bytes) return false;
    this.put(bytes);
    packedBefore.set(list, { bytes, first: list[0], last: list[list.length - 1] });
    return true;
  }

  /** Appends hashes already packed. */
  private put(hashes: Uint8Array): void {
    const at = this.count * HASH_BYTES;
    const need = at + hashes.length;
    if (need > this.bytes.length) {
      const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, at));
      this.bytes = grown;
    }
    this.bytes.set(hashes, at);
    this.count += hashes.length / HASH_BYTES;
  }
}

/**
 * `value` with each list of leaf hashes under an `evidence` key (lower-case hex, 64 digits; any
 * other list is left as it is) replaced by a PackedList, and the buffer of their hashes; every
 * lazy array made plain, so that structured clone takes the value. A list met twice is packed
 * once (both places get the same marker). `value` is never changed.
 */
export function packEvidence<T>(value: T): { value: T; hashes: Uint8Array } {
  const buffer = new HashBuffer();
  const out = replaceEvidence(value, (list) => {
    // An empty list stays as it is: every packed list has hashes of its own, from its own start.
    if (list.length === 0) return undefined;
    const start = buffer.count;
    if (!buffer.add(list)) return undefined;
    return { packedEvidence: start, length: list.length } satisfies PackedList;
  });
  return { value: out, hashes: buffer.bytes.slice(0, buffer.count * HASH_BYTES) };
}

/**
 * `value` with each list under an `evidence` key replaced by what `mark` gives for it (a list it
 * gives nothing for is left as it is), and every lazy array made plain, so that structured clone
 * takes the value. A list met twice is marked once (both places get the same marker). `value` is
 * never changed: each object is copied only when something in it changed.
 */
export function replaceEvidence<T>(value: T, mark: (list: readonly unknown[]) => object | undefined): T {
  const lists = new Map<readonly unknown[], object | undefined>();
  const packed = (list: readonly unknown[]): object | undefined => {
    if (lists.has(list)) return lists.get(list);
    const marker = mark(list);
    lists.set(list, marker);
    return marker;
  };
  // One walk: each object copied only when something in it changed; a lazy array (the live log's
  // long lists, which structured clone refuses) always becomes a plain one.
  const done = new Map<object, unknown>();
  const rebuild = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (done.has(v)) return done.get(v);
    done.set(v, v);
    let out: unknown = v;
    if (Array.isArray(v)) {
      const items = v.map(rebuild);
      if (isLazy(v) || items.some((x, i) => x !== v[i])) out = items;
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) {
        const copy: Record<string, unknown> = {};
        let changed = false;
        for (const key in v) {
          const member = (v as Record<string, unknown>)[key];
          const marker = key === 'evidence' && Array.isArray(member) ? packed(member) : undefined;
          copy[key] = marker ?? rebuild(member);
          if (copy[key] !== member) changed = true;
        }
        if (changed) out = copy;
      }
    }
    done.set(v, out);
    return out;
  };
  return rebuild(value) as T;
}

/** Lazy arrays made by lazyHashes. */
const lazy = new WeakSet<object>();

/** Whether `list` is a lazy array of packed hashes: its length is known without reading its items. */
export function isLazyHashes(list: unknown): boolean {
  return typeof list === 'object' && list !== null && lazy.has(list);
}

const INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * The `length` leaf hashes packed from hash number `start` of `hashes`, as an array that reads each
 * from the buffer when asked for (and remembers it). It is a real array to every reader (indexes,
 * length, methods, iteration, JSON, Array.isArray); it cannot be changed.
 */
export function lazyHashes(hashes: Uint8Array, start: number, length: number): readonly string[] {
  const read: string[] = new Array(length);
  let whole = false;
  const at = (i: number): string => {
    let h = read[i];
    if (h === undefined) {
      const from = (start + i) * HASH_BYTES;
      h = toHex(hashes.subarray(from, from + HASH_BYTES));
      read[i] = h;
    }
    return h;
  };
  // Every item read, for what asks for the array's own properties.
  const all = (): string[] => {
    if (!whole) {
      for (let i = 0; i < length; i++) at(i);
      whole = true;
    }
    return read;
  };
  const index = (key: string | symbol): number =>
    typeof key === 'string' && INDEX.test(key) && Number(key) < length ? Number(key) : -1;
  const refuse = () => {
    throw new TypeError('A list of evidence read from a judged log cannot be changed.');
  };
  const view = new Proxy(read, {
    get: (target, key, receiver) => {
      if (key === 'length') return length;
      const i = index(key);
      if (i >= 0) return at(i);
      return Reflect.get(target, key, receiver);
    },
    has: (target, key) => index(key) >= 0 || Reflect.has(target, key),
    ownKeys: () => Reflect.ownKeys(all()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(all(), key),
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
  lazy.add(view);
  return view;
}

/**
 * The value packEvidence gave, with each PackedList replaced by a lazy array of its hashes in
 * `hashes` (a list packed once is one array in every place). Changes `value` in place and gives it.
 */
export function unpackEvidence<T>(value: T, hashes: Uint8Array): T {
  const arrays = new Map<number, readonly string[]>();
  restoreEvidence(value, (member) => {
    if (!isPackedList(member)) return undefined;
    let list = arrays.get(member.packedEvidence);
    if (!list) {
      list = lazyHashes(hashes, member.packedEvidence, member.length);
      arrays.set(member.packedEvidence, list);
    }
    return list;
  });
  return value;
}

/**
 * Replaces, in place, each member under an `evidence` key that `restore` gives a list for (the
 * markers replaceEvidence left) with that list. Gives `value`.
 */
export function restoreEvidence<T>(
  value: T,
  restore: (member: unknown) => readonly unknown[] | undefined,
): T {
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const item of v) walk(item);
      return;
    }
    const record = v as Record<string, unknown>;
    for (const key in record) {
      const member = record[key];
      const list = key === 'evidence' ? restore(member) : undefined;
      if (list) record[key] = list;
      else walk(member);
    }
  };
  walk(value);
  return value;
}
