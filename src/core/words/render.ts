import type { LocalizedText } from '../agreement/types.ts';
import { KIND_WORDS } from '../report/event-words.ts';
import { dayEndingAt, wallClock } from '../time/zoned-time.ts';
import { AR } from './catalogue-ar.ts';
import { EN } from './catalogue-en.ts';
import { HE } from './catalogue-he.ts';
import type { Lang } from './lang.ts';
import { ACTION_WORDS, DURATION, type Forms, NOUNS, STATUS_WORDS } from './nouns.ts';
import {
  type Arg,
  DEADLINE_FORMS,
  type DeadlineForm,
  type Explanation,
  type Phrase,
  type PhraseCode,
  type Separator,
} from './phrase.ts';
import { VOCABULARIES } from './vocabularies.ts';

/** The templates of each language, keyed by phrase code. */
export const CATALOGUES: Record<Lang, Record<PhraseCode, string>> = { en: EN, ar: AR, he: HE };

/** What the agreement names, in the reader's language (ids fall back to themselves). */
export interface Names {
  party(id: string): string;
  provision(id: string): string;
  place(id: string): string;
  phase(id: string): string;
  quota(provision: string, id: string): string;
  category(id: string, provision?: string): string;
}

export interface RenderOptions {
  lang: Lang;
  names: Names;
  /** The digits of numbers and dates: Latin (0–9, the default) or, in Arabic, Arabic-Indic (٠–٩). */
  digits?: Digits;
  /** Mark names and recorded words (MARK_OPEN … MARK_CLOSE) so that an edge can isolate them: see renderParts. */
  mark?: boolean;
  /** The number in the log of the event with this leaf hash, where the edge knows it ("event no. 27"). */
  eventNumber?: (hash: string) => number | undefined;
  /**
   * The year the reader reads in (YYYY; see readingYear): moments and days of another year are
   * written with their year ("10 Nov 2025 00:00"), those of this year without. Absent, none is.
   */
  year?: string;
}

/** What opens and closes a name or recorded words in a rendering with `mark` (private-use characters). */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/**
 * A name or recorded words marked for an edge to isolate: their own mark characters (which no
 * record has reason to hold) dropped first, so that they cannot open or close a mark of the edge's.
 */
export function marked(words: string): string {
  return words === '' ? words : `${MARK_OPEN}${words.replace(MARKS, '')}${MARK_CLOSE}`;
}
const MARKED = new Set([
  'party',
  'provision',
  'place',
  'phase',
  'actor',
  'quota',
  'category',
  'quote',
  'text',
  'fact',
]);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEPARATORS: Record<Lang, Record<Separator, string>> = {
  en: { semicolon: '; ', comma: ', ', space: ' ', plus: ' + ', or: ' or ', slash: ' / ', arrow: ' → ' },
  ar: { semicolon: '؛ ', comma: '، ', space: ' ', plus: ' + ', or: ' أو ', slash: ' / ', arrow: ' ← ' },
  he: { semicolon: '; ', comma: ', ', space: ' ', plus: ' + ', or: ' או ', slash: ' / ', arrow: ' ← ' },
};

/** The digits numbers are written with: Latin (0–9) or Arabic-Indic (٠–٩, for Arabic readers who choose them). */
export type Digits = 'latn' | 'arab';

/** The Intl locale of a language, its digits explicit for Arabic. */
export function localeOf(lang: Lang, digits: Digits = 'latn'): string {
  return lang === 'ar' ? `ar-u-nu-${digits}` : lang;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<Lang, Intl.PluralRules>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(n: number, lang: Lang, digits: Digits = 'latn'): string {
  const locale = localeOf(lang, digits);
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

function pluralRulesOf(lang: Lang): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules;
}

/** How a count stands in its sentence: `from`, the lower end of a range it ends; `oblique`, after a preposition or as an object. */
export interface CountHow {
  /** The count ends a range from this number: its noun takes the range's form. */
  from?: number;
  /** The count follows a preposition or is an object (Arabic: the dual in ـين, genitive or accusative). */
  oblique?: boolean;
}

/**
 * The form of `unit`'s noun for a count (`#` is its number): by the count's plural category, or,
 * for a range `from`–`n`, by the range's ("0 to 1 persons", "من 700 إلى 706 أشخاص"). A range
 * writes its numbers, so never a form that says the count in words (Arabic شخصان, Hebrew שני אנשים).
 * An oblique dual is the Arabic genitive or accusative ("خلال يومين").
 */
export function quantityForm(unit: string, lang: Lang, n: number, how: CountHow = {}): string {
  const forms: Forms = NOUNS[lang][unit] ?? { other: `# ${unit}` };
  const rules = pluralRulesOf(lang);
  const { from } = how;
  if (from === undefined || from === n) {
    const category = rules.select(n);
    return (
      (category === 'two' && how.oblique ? forms.twoOblique : undefined) ?? forms[category] ?? forms.other
    );
  }
  // selectRange is in every engine this runs on (ES2023), not yet in the lib this build types against.
  const ranged = rules as Intl.PluralRules & { selectRange(a: number, b: number): Intl.LDMLPluralRule };
  const form = forms[ranged.selectRange(Math.min(from, n), Math.max(from, n))] ?? forms.other;
  return form.includes('#') ? form : forms.other;
}

/**
 * "13 persons", "شخصان", "שני אנשים": a count with its noun in the form the number (and, in
 * Arabic, the case) asks for; the upper end of a range in the range's form.
 */
export function formatQuantity(
  n: number,
  unit: string,
  lang: Lang,
  digits: Digits = 'latn',
  how: CountHow = {},
): string {
  return quantityForm(unit, lang, n, how).replace('#', formatNumber(n, lang, digits));
}

/** A count with its noun in the form `n` asks for, the number written as `shown` (a report's own digits). */
export function countedAs(n: number, unit: string, lang: Lang, shown: string): string {
  return quantityForm(unit, lang, n).replace('#', shown);
}

function zoned(
  lang: Lang,
  digits: Digits,
  timeZone: string,
  withTime: boolean,
  withYear = false,
): Intl.DateTimeFormat {
  const locale = localeOf(lang, digits);
  const key = `${locale} ${timeZone} ${withTime} ${withYear}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
}

/** "25 Nov 16:00" in the agreement's time zone. */
export function formatMoment(
  epoch: number,
  timeZone: string,
  lang: Lang,
  digits: Digits = 'latn',
  year?: string,
): string {
  const w = wallClock(epoch, timeZone);
  // Its year when the reader reads in another ("10 Nov 2025 00:00" in 2020).
  const withYear = year !== undefined && w.date.slice(0, 4) !== year;
  if (lang !== 'en') return zoned(lang, digits, timeZone, true, withYear).format(epoch);
  const day = `${Number(w.date.slice(8, 10))} ${MONTHS[Number(w.date.slice(5, 7)) - 1]}`;
  return `${day}${withYear ? ` ${w.date.slice(0, 4)}` : ''} ${w.time.slice(0, 5)}`;
}

/** "16:00", a local time of day, with the reader's digits. */
export function formatTime(t: string, lang: Lang, digits: Digits = 'latn'): string {
  const zero = formatNumber(0, lang, digits);
  return t.replace(/\d+/g, (d) => formatNumber(Number(d), lang, digits).padStart(d.length, zero));
}

/** "25 Nov" for a YYYY-MM-DD date; "25 Nov 2025" when the reader reads in another `year`. */
export function formatDay(date: string, lang: Lang, digits: Digits = 'latn', year?: string): string {
  const withYear = year !== undefined && date.slice(0, 4) !== year;
  if (lang !== 'en')
    return zoned(lang, digits, 'UTC', false, withYear).format(Date.parse(`${date}T12:00:00Z`));
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}${withYear ? ` ${date.slice(0, 4)}` : ''}`;
}

/** A date in full: "2027-12-31" in English (as the plan writes dates), with its year in the reader's words otherwise. */
export function formatDate(date: string, lang: Lang, digits: Digits = 'latn'): string {
  if (lang === 'en') return date;
  return zoned(lang, digits, 'UTC', false, true).format(Date.parse(`${date}T12:00:00Z`));
}

/**
 * A duration in words: "45 min", "about 5 h", "2 d 3 h" (and as each language says them);
 * `oblique` after a preposition or as an object (Arabic: "بعد ساعتين").
 */
export function formatDuration(
  minutes: number,
  lang: Lang,
  digits: Digits = 'latn',
  oblique = false,
): string {
  const d = DURATION[lang];
  const part = (n: number, unit: string, obliquePart = oblique) =>
    lang === 'en'
      ? `${formatNumber(n, lang, digits)} ${unit}`
      : formatQuantity(n, unit, lang, digits, { oblique: obliquePart });
  if (minutes < 60) return part(Math.round(minutes), d.minute);
  if (minutes < 48 * 60) {
    const h = minutes / 60;
    // "About" governs its count: نحو ساعتين.
    return Number.isInteger(h) ? part(h, d.hour) : d.about.replace('{x}', part(Math.round(h), d.hour, true));
  }
  // Rounded to the hour first: 23 h 40 min past a day is the next day, never "1 d 24 h".
  const hours = Math.round(minutes / 60);
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? d.and.replace('{a}', part(days, d.day)).replace('{b}', part(h, d.hour)) : part(days, d.day);
}

export function localized(text: LocalizedText | undefined, lang: Lang): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : (text[lang] ?? text.en);
}

/** An obligation named by its plan line, in the reader's language, without the line's full stop. */
function obligationWords(a: Extract<Arg, { type: 'obligation' }>, o: RenderOptions): string {
  return renderPhrase(a.line, o).replace(/\.(\uE001?)$/, '$1');
}

/**
 * One parameter in words; `oblique` where it follows a preposition or is an object (see
 * renderPhrase); `form`, the words that lead a deadline in its slot (see DEADLINE_FORMS).
 */
export function renderArg(a: Arg, o: RenderOptions, oblique = false, form: DeadlineForm = 'plain'): string {
  if ('code' in a) return renderPhrase(a, o, oblique);
  // A moment in a deadline's slot (an explanation worded before deadlines were their own kind):
  // led by the slot's words all the same ("due 25 Nov 16:00").
  if (a.type === 'moment' && form !== 'plain')
    return renderPhrase({ code: `due-at.${form}`, params: { at: a } }, o);
  const words = argWords(a, o, oblique, form);
  return o.mark && MARKED.has(a.type) && words ? marked(words) : words;
}

/**
 * A deadline in words, led as its slot's `form` asks: the moment ("by 25 Nov 16:00"), or, at
 * midnight, the end of the day before ("by the end of 24 Nov", never "by 25 Nov 00:00", which a
 * reader takes for a day late).
 */
function deadlineWords(a: Extract<Arg, { type: 'deadline' }>, o: RenderOptions, form: DeadlineForm): string {
  const day = dayEndingAt(a.at, a.zone);
  return day === null
    ? renderPhrase({ code: `due-at.${form}`, params: { at: { type: 'moment', at: a.at, zone: a.zone } } }, o)
    : renderPhrase({ code: `due-at.${form}-end`, params: { day: { type: 'day', date: day } } }, o);
}

const NO_NAMES: Names = {
  party: (id) => id,
  provision: (id) => id,
  place: (id) => id,
  phase: (id) => id,
  quota: (_provision, id) => id,
  category: (id) => id,
};

/**
 * A deadline (epoch ms) in the agreement's zone, as the phrases word it ("16 Apr 12:00", "the end
 * of 16 Apr" at midnight), led by `form`'s words: for an edge that writes a deadline outside a phrase.
 */
export function formatDeadline(
  epoch: number,
  timeZone: string,
  lang: Lang,
  options: { digits?: Digits; year?: string; form?: DeadlineForm } = {},
): string {
  const { digits, year, form = 'plain' } = options;
  return deadlineWords(
    { type: 'deadline', at: epoch, zone: timeZone },
    {
      lang,
      names: NO_NAMES,
      ...(digits ? { digits } : {}),
      ...(year !== undefined ? { year } : {}),
    },
    form,
  );
}

function argWords(a: Exclude<Arg, Phrase>, o: RenderOptions, oblique: boolean, form: DeadlineForm): string {
  switch (a.type) {
    case 'number':
      return formatNumber(a.value, o.lang, o.digits);
    case 'quantity':
      return formatQuantity(a.value, a.unit, o.lang, o.digits, {
        ...(a.from !== undefined ? { from: a.from } : {}),
        oblique,
      });
    case 'moment':
      return formatMoment(a.at, a.zone, o.lang, o.digits, o.year);
    case 'deadline':
      return deadlineWords(a, o, form);
    case 'day':
      return formatDay(a.date, o.lang, o.digits, o.year);
    case 'date':
      return formatDate(a.date, o.lang, o.digits);
    case 'duration':
      return formatDuration(a.minutes, o.lang, o.digits, oblique);
    case 'party':
      return o.names.party(a.id);
    case 'provision':
      return o.names.provision(a.id);
    case 'place':
      return o.names.place(a.id);
    case 'phase':
      return o.names.phase(a.id);
    case 'time':
      return formatTime(a.time, o.lang, o.digits);
    case 'word':
      return VOCABULARIES[a.vocabulary][o.lang][a.id] ?? VOCABULARIES[a.vocabulary].en[a.id] ?? a.id;
    case 'actor':
      return a.party !== undefined ? o.names.party(a.party) : (a.name ?? o.names.party(a.id));
    case 'quota':
      return a.provision === undefined ? o.names.category(a.id) : o.names.quota(a.provision, a.id);
    case 'category':
      return o.names.category(a.id, a.provision);
    case 'quote':
      return a.text;
    case 'text':
      return localized(a.text, o.lang);
    case 'status':
      return STATUS_WORDS[o.lang][a.status];
    case 'action':
      return o.lang === 'en' ? a.action : (ACTION_WORDS[o.lang][a.action] ?? a.action);
    case 'obligation':
      return obligationWords(a, o);
    case 'fact':
      return o.lang === 'en' ? a.description.replace(/\.$/, '') : o.names.provision(a.provision);
    case 'list':
      return a.items
        .map((x) => renderArg(x, o, oblique))
        .filter((x) => x !== '')
        .join(SEPARATORS[o.lang][a.sep]);
    case 'event':
      return eventWords(a, o);
    case 'unit':
      return unitWords(a.unit, o.lang);
  }
}

/** "event no. 27 (handover confirmed)" where the number is known, else "an event (handover confirmed)". */
function eventWords(a: Extract<Arg, { type: 'event' }>, o: RenderOptions): string {
  const words = KIND_WORDS[o.lang][a.kind] ?? a.kind;
  const kind = o.lang === 'en' ? words.charAt(0).toLowerCase() + words.slice(1) : words;
  const n = o.eventNumber?.(a.hash);
  const no = n === undefined ? undefined : formatNumber(n, o.lang, o.digits);
  if (o.lang === 'ar') return no ? `الحدث رقم ${no} (${kind})` : `حدث (${kind})`;
  if (o.lang === 'he') return no ? `אירוע מס׳ ${no} (${kind})` : `אירוע (${kind})`;
  return no ? `event no. ${no} (${kind})` : `an event (${kind})`;
}

/** A unit in the plural with no number: "trucks", "شاحنات", "משאיות". */
export function unitWords(unit: string, lang: Lang): string {
  const forms = NOUNS[lang][unit];
  if (!forms) return unit;
  const form = (lang === 'ar' ? forms.few : undefined) ?? forms.other;
  return form.replace('#', '').trim();
}

/** Words that end a sentence: a full stop, a question or an exclamation mark, maybe inside a mark's close. */
const ENDS_SENTENCE = /[.!?]\uE001*$/;

/**
 * A parameter of a template: `{name}`, or `{name:obl}` where it follows a preposition or is an
 * object, or `{name:FORM}` where it is a deadline led by the words of a form (DEADLINE_FORMS).
 */
const PARAM = new RegExp(`\\{(\\w+)(?::(obl|${DEADLINE_FORMS.join('|')}))?\\}(\\.?)`, 'g');

/** The `{name}` parameters a template uses. */
export function templateParams(template: string): string[] {
  return [...template.matchAll(PARAM)].map((m) => m[1]!);
}

/**
 * A phrase in words: its template with each parameter worded. A full stop of the template is
 * dropped after words that end a sentence already; an English subject of a comparison starts with
 * a capital (Arabic and Hebrew have none). A parameter marked `{name:obl}` follows a preposition
 * or is an object, and so is the head of a phrase that stands there (the parameter its template
 * opens with): its counts take the oblique case (Arabic "خلال يومين", not "خلال يومان").
 */
export function renderPhrase(p: Phrase, o: RenderOptions, oblique = false): string {
  const params = p.params as Record<string, Arg>;
  // A code this build does not know (a page built before the server that sent it): its parts in
  // words, one after the other, rather than a page that fails whole.
  const template =
    CATALOGUES[o.lang][p.code] ??
    CATALOGUES.en[p.code] ??
    Object.keys(params)
      .map((k) => `{${k}}`)
      .join(' ');
  // Words in order: a full stop of the template is left out where what comes before it ends a
  // sentence already (a party's or the agreement's own words "… Sanaa-Cairo.", then nothing).
  let out = '';
  let from = 0;
  for (const m of template.matchAll(PARAM)) {
    const [whole, name, how, stop] = m as unknown as [string, string, string | undefined, string];
    out += template.slice(from, m.index);
    const arg = params[name];
    const form = how === undefined || how === 'obl' ? 'plain' : (how as DeadlineForm);
    // The ⚠ before an approximate figure is a mark, not a word: the figure stands where the phrase does.
    const first = m.index === 0 || p.code === 'figure.approximate';
    out += arg === undefined ? '' : renderArg(arg, o, how === 'obl' || (oblique && first), form);
    if (stop && !ENDS_SENTENCE.test(out)) out += stop;
    from = m.index + whole.length;
  }
  out += template.slice(from);
  return p.code === 'diff.subject' && o.lang === 'en'
    ? out.replace(/^(\uE000*)(.)/u, (_, marks: string, first: string) => marks + first.toUpperCase())
    : out;
}

/** An explanation in the reader's language: its phrases one after the other. */
export function renderExplanation(e: Explanation, o: RenderOptions): string {
  return e.map((p) => renderPhrase(p, o)).join(' ');
}

/** A piece of a worded explanation: `marked` when it is a name or words recorded as given. */
export interface Part {
  text: string;
  marked: boolean;
}

/** An explanation as pieces, names and recorded words apart, for an edge that marks their script. */
export function renderParts(e: Explanation, o: Omit<RenderOptions, 'mark'>): Part[] {
  const text = renderExplanation(e, { ...o, mark: true });
  const parts: Part[] = [];
  let depth = 0;
  let current = '';
  const flush = (marked: boolean) => {
    if (current) parts.push({ text: current, marked });
    current = '';
  };
  for (const ch of text) {
    if (ch === MARK_OPEN) {
      if (depth === 0) flush(false);
      depth++;
    } else if (ch === MARK_CLOSE) {
      depth--;
      if (depth === 0) flush(true);
    } else current += ch;
  }
  flush(depth > 0);
  return parts;
}
