/**
 * The WHERE terms of the partial indexes of events by kind (migration 0015), as every query that
 * reads events by kind must write them: SQLite uses a partial index only when the query's WHERE
 * has the index's own term (a bound parameter in its place, or another spelling, reads the whole
 * log instead). Unqualified: the query names truce_entry without an alias.
 */

/** The actor events (actor.registered, actor.revoked): what a log's actor registry is read from. */
export const ACTOR_KINDS_TERM = "kind in ('actor.registered', 'actor.revoked')";

/** The agreement.adopted events: the agreement a log adopted. */
export const ADOPTED_TERM = "kind = 'agreement.adopted'";
