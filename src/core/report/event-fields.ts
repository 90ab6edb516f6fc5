import type { Labels } from '../compliance/labels.ts';
import type { Lang } from '../words/lang.ts';
import { formatDate, formatMoment, formatNumber, unitWords } from '../words/render.ts';
import { casualtyPhrases } from './casualty-words.ts';
import { FIELD_WORDS, FLAG_WORDS, KIND_WORDS, VALUE_WORDS } from './event-words.ts';
import { frame } from './report-words.ts';

/** Fields that name earlier events (by leaf hash): said in words, the hash stays the evidence. */
const REFERENCES = new Set(['of', 'list', 'handover', 'proposal']);
/** Fields that hold commitments to persons: said as a count, never listed. */
const COMMITMENTS = new Set(['persons', 'removed', 'added']);
/** Fields that name a party (or mediator, intermediary): said by its name in the agreement. */
const PARTIES = new Set(['to', 'via', 'against', 'party', 'by']);
/** Fields that name a place the agreement names (a crossing, a zone, a route, a destination). */
const PLACES = new Set(['crossing', 'zone', 'route', 'destination', 'zones']);
/** Fields that hold a calendar day (YYYY-MM-DD). */
const DAYS = new Set(['date', 'from']);

/** An earlier event a field refers to, as a reader names it: its number in the log, its kind, when. */
export interface EarlierEvent {
  number: number;
  kind: string;
  /** When it occurred (ISO 8601). */
  at: string;
}

/** What eventFields words references and moments with: the events referred to, by field, and the agreement's time zone. */
export interface FieldContext {
  refs?: Record<string, EarlierEvent>;
  timeZone?: string;
  /** The year the fields are read in: the moment of an earlier event of another is written with its year. */
  year?: string;
}

type Casualties = Parameters<typeof casualtyPhrases>[0];

/** A category (of an exchange) or a quota line (of aid) by its label; the id when the agreement names neither. */
function categoryLabel(id: string, provision: unknown, labels: Labels): string {
  const p = typeof provision === 'string' ? provision : undefined;
  const label = labels.category(id, p);
  return label !== id || p === undefined ? label : labels.quota(p, id);
}

/** Around words given as recorded inside a value the product words (a source's name among casualty figures). */
export const GIVEN_OPEN = '\uE011';
export const GIVEN_CLOSE = '\uE012';

/** One field of an event as a reader reads it: its name, its value, and whether the value is given as recorded. */
export interface FieldWords {
  field: string;
  value: string;
  /** The value is a name or words as recorded (isolated, marked with its script by an HTML edge). */
  asGiven: boolean;
  /** The field says it all in words ("approximate figure"): read `field` alone, with no value after it. */
  alone?: true;
}

/**
 * An event's fields as a reader names them, in `lang`: field names in the reader's language
 * (English keeps the names as recorded), parties, the provision and categories by the agreement's
 * labels (`labels` in `lang`), actors by their registered names, counts with the locale's
 * separators, casualty figures each with its source; references to earlier events in words and
 * commitments as a count.
 */
export function eventFields(
  body: Record<string, unknown>,
  labels: Labels,
  lang: Lang = 'en',
  context: FieldContext = {},
): FieldWords[] {
  const n = (x: number) => formatNumber(x, lang);
  const sep = lang === 'ar' ? '، ' : ', ';
  return Object.entries(body).map(([k, v]): FieldWords => {
    const flag = typeof v === 'boolean' ? FLAG_WORDS[lang][k] : undefined;
    if (flag) return { field: v ? flag.true : flag.false, value: '', asGiven: false, alone: true };
    const field = lang === 'en' ? k : (FIELD_WORDS[lang][k] ?? k);
    const said = (value: string) => ({ field, value, asGiven: false });
    const given = (value: string) => ({ field, value, asGiven: true });
    if (REFERENCES.has(k)) {
      // "no. 27, handover completed, 25 Nov 21:00" where the event is known; never its hash.
      const earlier = context.refs?.[k];
      if (!earlier) return said(frame(lang, 'earlier'));
      const kind = KIND_WORDS[lang][earlier.kind] ?? earlier.kind;
      return said(
        frame(lang, 'earlierNo', {
          n: n(earlier.number),
          kind: lang === 'en' ? kind.charAt(0).toLowerCase() + kind.slice(1) : kind,
          at: formatMoment(Date.parse(earlier.at), context.timeZone ?? 'UTC', lang, 'latn', context.year),
        }),
      );
    }
    const value = typeof v === 'string' ? VALUE_WORDS[lang][k]?.[v] : undefined;
    if (value !== undefined) return said(value);
    if (k === 'phase' && typeof v === 'string') return given(labels.phase(v));
    if (PLACES.has(k) && typeof v === 'string') return given(labels.place(v));
    if (PLACES.has(k) && Array.isArray(v)) return given(v.map((z) => labels.place(String(z))).join(sep));
    if (k === 'unit' && typeof v === 'string') return said(unitWords(v, lang));
    if (DAYS.has(k) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
      return said(formatDate(v, lang));
    if (COMMITMENTS.has(k) && Array.isArray(v)) return said(frame(lang, 'commitments', { n: n(v.length) }));
    if (k === 'provision' && typeof v === 'string') return given(labels.provision(v));
    if (k === 'actor' && typeof v === 'string') return given(labels.actor(v));
    if (PARTIES.has(k) && typeof v === 'string') return given(labels.party(v));
    if (k === 'category' && typeof v === 'string') return given(categoryLabel(v, body.provision, labels));
    if (k === 'categories' && v !== null && typeof v === 'object' && !Array.isArray(v))
      return given(
        Object.entries(v as Record<string, unknown>)
          .map(
            ([c, x]) =>
              `${categoryLabel(c, body.provision, labels)} (${typeof x === 'number' ? n(x) : String(x)})`,
          )
          .join(sep),
      );
    if (k === 'categories' && Array.isArray(v) && v.every((c) => typeof c === 'string'))
      return given(v.map((c) => categoryLabel(c, body.provision, labels)).join(sep));
    // The figures in the reader's words, each source's name as given (marked within the value).
    if (k === 'casualties' && Array.isArray(v))
      return said(
        casualtyPhrases(v as Casualties, lang, (x) => `${GIVEN_OPEN}${x}${GIVEN_CLOSE}`).join(' · '),
      );
    if (typeof v === 'number') return said(n(v));
    if (typeof v === 'boolean' && lang !== 'en') return said(frame(lang, v ? 'yes' : 'no'));
    if (v !== null && typeof v === 'object') return given(JSON.stringify(v));
    return given(String(v));
  });
}

/** An event's fields as "name: value", in English (field names as recorded). */
export function eventFieldWords(body: Record<string, unknown>, labels: Labels): string[] {
  return eventFields(body, labels).map((f) =>
    f.alone ? f.field : `${f.field}: ${f.value.replace(/[\uE011\uE012]/g, '')}`,
  );
}
