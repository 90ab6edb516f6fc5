import { VOCABULARIES } from '../words/vocabularies.ts';

/** English words for a field name: the vocabulary's, or the camel-case name split into words. */
export function fieldWords(key: string): string {
  return VOCABULARIES.field.en[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

const DAY_FIELDS = new Set(['lengthDays', 'days', 'maxDays', 'offsetDays', 'extensionDays']);

/** The unit a number in this field is counted in, if any ("days", "trucks"). */
export function unitOf(key: string, siblings: Record<string, unknown> | undefined): string | undefined {
  if (DAY_FIELDS.has(key)) return 'days';
  if (key === 'hours') return 'hours';
  if (key === 'total' || key === 'minPerBatch' || key === 'releases') return 'persons';
  if (key === 'quantity' && typeof siblings?.unit === 'string') return plural(siblings.unit);
  return undefined;
}

export function plural(unit: string): string {
  return unit.endsWith('s') ? unit : `${unit}s`;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Text in several languages: `{ en, ar?, he? }`. */
export function isLocalized(v: unknown): v is { en: string; ar?: string; he?: string } {
  return (
    isRecord(v) &&
    typeof v.en === 'string' &&
    Object.keys(v).every((k) => k === 'en' || k === 'ar' || k === 'he')
  );
}

/** A JSON value with keys sorted and undefined members dropped, for equality checks. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x: unknown) =>
    isRecord(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, x[k]]),
        )
      : x,
  );
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

const MAX_TEXT = 80;

/** A value as it reads in a sentence: numbers and simple words bare, other text quoted. */
export function valueText(v: unknown): string {
  let text: string;
  if (typeof v === 'string') text = /^[\w:.+-]+$/.test(v) ? v : JSON.stringify(v);
  else if (typeof v === 'boolean') text = v ? 'yes' : 'no';
  else if (typeof v === 'number') text = String(v);
  else if (v === undefined || v === null) text = 'nothing';
  else if (isLocalized(v)) {
    const others = (['ar', 'he'] as const)
      .filter((k) => v[k] !== undefined)
      .map((k) => `${k} ${JSON.stringify(v[k])}`);
    text = `${JSON.stringify(v.en)}${others.length ? ` (${others.join(', ')})` : ''}`;
  } else if (Array.isArray(v)) text = `[${v.map(valueText).join(', ')}]`;
  else if (isRecord(v)) {
    text = `{${Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${k}: ${valueText(x)}`)
      .join(', ')}}`;
  } else text = String(v);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}
