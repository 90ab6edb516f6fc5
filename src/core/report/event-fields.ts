import type { Labels } from '../compliance/labels.ts';
import type { Lang } from '../words/lang.ts';
import { formatNumber } from '../words/render.ts';
import { casualtyPhrases } from './casualty-words.ts';
import { FIELD_WORDS } from './event-words.ts';
import { frame } from './report-words.ts';

/** Fields that name earlier events (by leaf hash): said in words, the hash stays the evidence. */
const REFERENCES = new Set(['of', 'list', 'handover', 'proposal']);
/** Fields that hold commitments to persons: said as a count, never listed. */
const COMMITMENTS = new Set(['persons', 'removed', 'added']);
/** Fields that name a party (or mediator, intermediary): said by its name in the agreement. */
const PARTIES = new Set(['to', 'via', 'against', 'party', 'by']);

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
}

/**
 * An event's fields as a reader names them, in `lang`: field names in the reader's language
 * (English keeps the names as recorded), parties, the provision and categories by the agreement's
 * labels (`labels` in `lang`), actors by their registered names, counts with the locale's
 * separators, casualty figures each with its source; references to earlier events in words and
 * commitments as a count.
 */
export function eventFields(body: Record<string, unknown>, labels: Labels, lang: Lang = 'en'): FieldWords[] {
  const n = (x: number) => formatNumber(x, lang);
  const sep = lang === 'ar' ? '، ' : ', ';
  return Object.entries(body).map(([k, v]): FieldWords => {
    const field = lang === 'en' ? k : (FIELD_WORDS[lang][k] ?? k);
    const said = (value: string) => ({ field, value, asGiven: false });
    const given = (value: string) => ({ field, value, asGiven: true });
    if (REFERENCES.has(k)) return said(frame(lang, 'earlier'));
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
  return eventFields(body, labels).map((f) => `${f.field}: ${f.value.replace(/[\uE011\uE012]/g, '')}`);
}
