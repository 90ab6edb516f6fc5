import {
  HASH_BYTES,
  HashBuffer,
  isListMarker,
  lazyHashes,
  replaceEvidence,
  restoreEvidence,
} from './packed-evidence.ts';

/**
 * An evaluation's evidence lists crossing from the thread that judges a log to the one that serves
 * it, each unchanged list once rather than once an answer. A live evaluator hands out the same list
 * object in each result until an event touches it; at a million events its lists hold some two
 * million leaf hashes (65 MB packed), and a status asked for each second had them all packed,
 * moved and unpacked each second. Here the sender (one a log's evaluator) gives each list it packs
 * an id; an answer packs only the lists the receiver does not hold (see packEvidence) and names
 * the others by id. The receiver (one a log on the serving thread) keeps the lists of the answer it
 * last took, by id, each as the same lazy array every time; an answer that names a list it does not
 * hold is refused, and asked for again in full.
 */

/** A list packed in this answer: its hashes from hash number `packedEvidence` of the answer's buffer. */
export interface SentList {
  packedEvidence: number;
  length: number;
  evidenceId: number;
}

/** A list the receiver holds already, by id. */
export interface HeldList {
  heldEvidence: number;
  length: number;
}

/** What the receiver holds: the lists of one answer of one sender. */
export interface EvidenceBase {
  sender: string;
  seq: number;
}

/** An answer's value with its lists packed or named, and the hashes of those packed (moved with it). */
export interface CrossingEvidence<T> {
  value: T;
  hashes: Uint8Array;
  sender: string;
  seq: number;
  /** The answer whose lists this one names by id; none: every list is packed here. */
  base?: number;
}

const isSentList = (v: unknown): v is SentList => isListMarker(v, ['packedEvidence', 'length', 'evidenceId']);

const isHeldList = (v: unknown): v is HeldList => isListMarker(v, ['heldEvidence', 'length']);

/**
 * The sending side, one a log's evaluator: `sender` names it, unique to it (a restarted worker or a
 * new evaluator has another name, and the receiver's lists of the old one are never taken for its).
 */
export class EvidenceSender {
  readonly sender: string;
  private seq = 0;
  private nextId = 0;
  /** Each list packed, with its id and what is checked before the id is used again. */
  private readonly ids = new WeakMap<
    readonly unknown[],
    { id: number; length: number; first: unknown; last: unknown }
  >();
  /** The ids of the lists of the last answer. */
  private last: { seq: number; ids: Set<number> } | undefined;

  constructor(sender: string) {
    this.sender = sender;
  }

  /**
   * `value` ready to cross: the lists of the answer `have` names (what the receiver holds) by id,
   * when it is this sender's last; every other list of leaf hashes packed.
   */
  send<T>(value: T, have?: EvidenceBase): CrossingEvidence<T> {
    const seq = ++this.seq;
    const held =
      have && this.last && have.sender === this.sender && have.seq === this.last.seq ? this.last : undefined;
    const sent = new Set<number>();
    const buffer = new HashBuffer();
    const out = replaceEvidence(value, (list) => {
      if (list.length === 0) return undefined;
      let known = this.ids.get(list);
      // Lists handed out never change; were one to, its length or end says so, and it is a new list.
      if (
        known &&
        (known.length !== list.length || known.first !== list[0] || known.last !== list[list.length - 1])
      )
        known = undefined;
      if (known && held?.ids.has(known.id)) {
        sent.add(known.id);
        return { heldEvidence: known.id, length: list.length } satisfies HeldList;
      }
      const start = buffer.count;
      if (!buffer.add(list)) return undefined;
      if (!known) {
        known = { id: ++this.nextId, length: list.length, first: list[0], last: list[list.length - 1] };
        this.ids.set(list, known);
      }
      sent.add(known.id);
      return { packedEvidence: start, length: list.length, evidenceId: known.id } satisfies SentList;
    });
    this.last = { seq, ids: sent };
    return {
      value: out,
      hashes: buffer.bytes.slice(0, buffer.count * HASH_BYTES),
      sender: this.sender,
      seq,
      ...(held ? { base: held.seq } : {}),
    };
  }
}

/**
 * The receiving side, one a log: the lists of the last answer taken, by id, each one lazy array
 * (lazyHashes) handed out in every evaluation that has it. Lists no longer in the last answer are
 * let go (an evaluation remembered elsewhere keeps its own).
 */
export class EvidenceReceiver {
  private base: EvidenceBase | undefined;
  private lists = new Map<number, readonly string[]>();

  /** What this side holds, for the next request to name; none before an answer is taken. */
  have(): EvidenceBase | undefined {
    return this.base;
  }

  /** How many lists this side holds. */
  held(): number {
    return this.lists.size;
  }

  /**
   * The answer's value with its lists in place (changed in place), or undefined when it names a
   * list this side does not hold (another sender's answer, or lists let go meanwhile): then nothing
   * is changed here, and the answer must be asked for again without naming a base.
   */
  receive<T>(answer: CrossingEvidence<T>): T | undefined {
    const named = answer.base !== undefined;
    if (named && answer.sender !== this.base?.sender) return undefined;
    // First check that every list named is held, so that a refused answer changes nothing.
    let missing = false;
    const fresh = new Map<number, readonly string[]>();
    const check = (v: unknown): void => {
      if (missing || typeof v !== 'object' || v === null) return;
      if (Array.isArray(v)) {
        for (const item of v) check(item);
        return;
      }
      for (const key in v) {
        const member = (v as Record<string, unknown>)[key];
        if (key === 'evidence' && isHeldList(member)) {
          const list = this.lists.get(member.heldEvidence);
          if (!list || list.length !== member.length) missing = true;
        } else check(member);
      }
    };
    if (named) check(answer.value);
    if (missing) return undefined;
    // The lists of an answer from another sender (the first, or a restarted worker's) share its
    // buffer; a list new beside lists held gets bytes of its own, so that the lists kept never keep
    // alive more than one answer's buffer beyond their own hashes. A list held is the same array again.
    const same = answer.sender === this.base?.sender;
    const value = restoreEvidence(answer.value, (member) => {
      const id = isHeldList(member)
        ? member.heldEvidence
        : isSentList(member)
          ? member.evidenceId
          : undefined;
      if (id === undefined) return undefined;
      let list = fresh.get(id);
      if (list) return list;
      const before = same ? this.lists.get(id) : undefined;
      if (before && before.length === (member as HeldList | SentList).length) list = before;
      else if (isSentList(member)) {
        const from = member.packedEvidence * HASH_BYTES;
        list = same
          ? lazyHashes(answer.hashes.slice(from, from + member.length * HASH_BYTES), 0, member.length)
          : lazyHashes(answer.hashes, member.packedEvidence, member.length);
      } else throw new Error(`List ${id} named but not held.`);
      fresh.set(id, list);
      return list;
    });
    this.lists = fresh;
    this.base = { sender: answer.sender, seq: answer.seq };
    return value;
  }
}
