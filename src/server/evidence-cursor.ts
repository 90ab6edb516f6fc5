/**
 * Where a page of a list of evidence ends, as the evidence route gives it (`next`) and takes it back
 * (`?cursor=`): the position of the next event in the list and the first 16 hex digits of the last
 * event listed, `<position>.<hash prefix>`. The hash lets the next page find its place again when
 * the list changed meanwhile (an event that occurred earlier was appended since), and tell when it
 * cannot (the event is no longer in the list). An event that entered the list before that place
 * is not on the pages after it: a reader who wants it asks for the list again from its start.
 */
export const CURSOR = /^(0|[1-9]\d{0,14})\.([0-9a-f]{16})$/;

const PREFIX = 16;

/** The cursor after `list[0..end)` (end ≥ 1). */
export function cursorAfter(list: readonly string[], end: number): string {
  return `${end}.${list[end - 1]!.slice(0, PREFIX)}`;
}

/**
 * Where in `list` the page after `cursor` starts, or undefined when the event the cursor names is
 * not in the list (the list is another, or changed so that it no longer holds it).
 */
export function positionAfter(list: readonly string[], cursor: string): number | undefined {
  const m = CURSOR.exec(cursor);
  if (!m) return undefined;
  const end = Number(m[1]);
  const prefix = m[2]!;
  if (end >= 1 && end <= list.length && list[end - 1]!.startsWith(prefix)) return end;
  const at = list.findIndex((h) => h.startsWith(prefix));
  return at === -1 ? undefined : at + 1;
}
