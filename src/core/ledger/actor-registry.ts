import type { ActorRecord, ActorRole } from './check-event.ts';
import type { SignedEvent } from './event.ts';

/** An actor as it stood at a moment: its registration in force, from when, and since when revoked. */
export interface ActorStanding extends ActorRecord {
  /** The occurredAt of the registration in force. */
  from: string;
  /** The occurredAt of the revocation, when revoked. */
  revokedFrom?: string;
}

/** What the log says of an actor at the moment an event occurred, for checkEvent. */
export interface ActorAt {
  /** Its standing then; undefined when no registration had occurred by then. */
  actor: ActorStanding | undefined;
  /** When not registered then: the occurredAt of its first registration, if it has one. */
  registeredLater?: string;
}

type Change =
  | { at: number; occurredAt: string; seq: number; kind: 'registered'; record: ActorRecord }
  | { at: number; occurredAt: string; seq: number; kind: 'revoked' };

/**
 * The registry a log's actor.registered and actor.revoked events give, by when each occurred: a
 * registration holds from its own occurredAt, a revocation from its own, whatever the order they
 * were recorded in (a log back-filled today gives the past a live log gave). Two changes that
 * occurred at the same instant take effect in the order they were appended.
 */
export class ActorRegistry {
  private readonly changes = new Map<string, Change[]>();
  private seq = 0;

  /** A copy that takes in events of its own: this registry is left as it is. */
  clone(): ActorRegistry {
    const copy = new ActorRegistry();
    for (const [actor, list] of this.changes) copy.changes.set(actor, [...list]);
    copy.seq = this.seq;
    return copy;
  }

  /** Takes in one event of the log, in log order; returns the id of the actor it changes, if any. */
  apply(signed: SignedEvent): string | undefined {
    const { kind, body, occurredAt } = signed.event;
    if (kind !== 'actor.registered' && kind !== 'actor.revoked') return undefined;
    const at = Date.parse(occurredAt);
    const seq = this.seq++;
    let change: Change;
    let id: string;
    if (kind === 'actor.registered') {
      const b = body as { actor: string; name: string; role: ActorRole; party?: string; key: string };
      id = b.actor;
      change = {
        at,
        occurredAt,
        seq,
        kind: 'registered',
        record: {
          actor: b.actor,
          name: b.name,
          role: b.role,
          key: b.key,
          revoked: false,
          ...(b.party ? { party: b.party } : {}),
        },
      };
    } else {
      id = (body as { actor: string }).actor;
      change = { at, occurredAt, seq, kind: 'revoked' };
    }
    const list = this.changes.get(id) ?? [];
    list.push(change);
    list.sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.changes.set(id, list);
    return id;
  }

  /** The actor as it stood at `instant` (epoch ms): every change that had occurred by then, in order. */
  standing(actor: string, instant: number): ActorStanding | undefined {
    let now: ActorStanding | undefined;
    for (const c of this.changes.get(actor) ?? []) {
      if (c.at > instant) break;
      if (c.kind === 'registered') now = { ...c.record, from: c.occurredAt };
      else if (now && !now.revoked) now = { ...now, revoked: true, revokedFrom: c.occurredAt };
    }
    return now;
  }

  /** What checkEvent needs of the actor of an event that occurred at `occurredAt`. */
  at(actor: string, occurredAt: string): ActorAt {
    const standing = this.standing(actor, Date.parse(occurredAt));
    if (standing) return { actor: standing };
    const first = this.changes.get(actor)?.find((c) => c.kind === 'registered');
    return { actor: undefined, ...(first ? { registeredLater: first.occurredAt } : {}) };
  }

  /** Every registered actor as it stands after everything the log records: what the actors table caches. */
  current(): Map<string, ActorRecord> {
    const out = new Map<string, ActorRecord>();
    for (const actor of this.changes.keys()) {
      const s = this.standing(actor, Number.POSITIVE_INFINITY);
      if (!s) continue;
      const { from: _from, revokedFrom: _revokedFrom, ...record } = s;
      out.set(actor, record);
    }
    return out;
  }

  /** One actor as it stands after everything the log records. */
  latest(actor: string): ActorRecord | undefined {
    const s = this.standing(actor, Number.POSITIVE_INFINITY);
    if (!s) return undefined;
    const { from: _from, revokedFrom: _revokedFrom, ...record } = s;
    return record;
  }
}
