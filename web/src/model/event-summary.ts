/** The fields of an event body worth a line in the feed, in a fixed order; commitments and keys left out. */
const SHOWN = [
  'provision',
  'batch',
  'count',
  'quantity',
  'unit',
  'category',
  'from',
  'date',
  'direction',
  'patients',
  'companions',
  'residents',
  'people',
  'party',
  'by',
  'to',
  'via',
  'against',
  'destination',
  'phase',
  'days',
  'releases',
  'crossing',
  'route',
  'zones',
  'answer',
  'finding',
  'subject',
  'figure',
  'reason',
  'description',
  'place',
  'text',
  'name',
  'role',
  'actor',
] as const;

const REFS = ['of', 'list', 'handover'] as const;

export interface EventSummary {
  fields: { name: string; value: string }[];
  /** Earlier events this one refers to (leaf hashes). */
  refs: string[];
}

/** What an event says, as name/value pairs; person commitments are counted, never shown. */
export function summarizeBody(body: Record<string, unknown>, refs: readonly string[] = []): EventSummary {
  const fields: { name: string; value: string }[] = [];
  for (const name of SHOWN) {
    const v = body[name];
    if (v === undefined || v === null) continue;
    const value = Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
    fields.push({ name, value: value.length > 300 ? `${value.slice(0, 299)}…` : value });
  }
  const linked = REFS.map((r) => body[r]).filter((v): v is string => typeof v === 'string');
  return { fields, refs: [...new Set([...linked, ...refs])] };
}
