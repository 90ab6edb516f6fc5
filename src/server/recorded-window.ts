import { HttpProblem } from './problem.ts';

/** How far an appended event's recordedAt may be from the server's clock, by default (minutes). */
export const DEFAULT_RECORDED_WINDOW_MINUTES = 5;

/**
 * Refuses an event appended to a live log whose recordedAt is more than `windowMinutes` away from
 * the server's clock: a live record says when it was recorded, and only a verified import (truce
 * import of an export folder) keeps the recordedAt of a log recorded elsewhere. The event's
 * occurredAt, when it happened, may be any time.
 */
export function checkRecordedAt(recordedAt: string, now: number, windowMinutes: number): void {
  const at = Date.parse(recordedAt);
  if (Number.isNaN(at)) return; // Not a date-time: the event's own check refuses it.
  if (Math.abs(at - now) <= windowMinutes * 60_000) return;
  throw new HttpProblem(
    422,
    'event-recorded-at-outside-window',
    `The event says it was recorded at ${recordedAt}, and this server's clock reads ${new Date(now).toISOString()}: an event appended to a live log must be recorded within ${windowMinutes} min of the server's time. Sign it again with recordedAt now (occurredAt keeps when it happened), or bring a log recorded elsewhere with truce import of its verified export.`,
  );
}
