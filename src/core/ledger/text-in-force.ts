/**
 * Which agreement text a log is judged by at a moment: its adoptions (agreement.adopted events)
 * and the one in force then. Pure: the store reads the adoptions, the CLI finds them in an export.
 */

/** A log's adoption of an agreement text: its latest `agreement.adopted` event. */
export interface Adoption {
  /** The agreement id the event names. */
  agreement: string;
  /** The version the event names (the agreement's own, or the stored version number). */
  version: number | string;
  /** SHA-256 hex of the adopted text's bytes: what the log is judged against. */
  sha256: string;
  /** The event's index in the log. */
  index: number;
  /** The actor who recorded it (the log's operator or a mediator: the log's rules allow no other). */
  actor: string;
  /** When the text was adopted (the event's occurredAt, ISO 8601): in force from then on. */
  occurredAt: string;
}

/**
 * The text in force at `at` (ISO 8601) among a log's adoptions, in the log's order: the one adopted
 * latest at or before `at` (by its occurredAt; a back-dated adoption counts from its date); before
 * every adoption, the first (the text the log was opened under).
 * Undefined when there is none. A moment is compared as an instant, whatever its offset.
 */
export function adoptionAt(list: readonly Adoption[], at: string): Adoption | undefined {
  const moment = Date.parse(at);
  let inForce: Adoption | undefined;
  let since = Number.NEGATIVE_INFINITY;
  for (const a of list) {
    const t = Date.parse(a.occurredAt);
    // The latest adopted by then; of two adopted at one instant, the one recorded last.
    if (t <= moment && t >= since) {
      inForce = a;
      since = t;
    }
  }
  return inForce ?? list[0];
}
