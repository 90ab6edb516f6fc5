import type { PlacedOnRecord } from '../core/plan/types.ts';

/** What a provision waits on: "exchange (bodies)". */
function waitedOn(on: PlacedOnRecord['on']): string {
  return `${on.provision}${on.group ? ` (${on.group})` : on.categories ? ` (${on.categories.join(', ')})` : ''}`;
}

/** The note beside a plan or a status for a provision placed from the record. */
export function placedOnRecordNote(x: PlacedOnRecord): string {
  return `${x.provision}: waits for ${waitedOn(x.on)}, due any day up to a deadline; the record shows it complete on ${x.date}, so it is placed from that day.`;
}
