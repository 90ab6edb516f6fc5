import type { LocalizedText } from '../agreement/types.ts';
import type { Lang } from '../words/lang.ts';
import { AR } from './catalogue-ar.ts';
import { EN } from './catalogue-en.ts';
import { HE } from './catalogue-he.ts';
import type { Line, LineArg, LineCode, Separator } from './line.ts';
import { type Forms, NOUNS } from './nouns.ts';
import { VOCABULARIES } from './vocabularies.ts';

/** The templates of each language, keyed by line code. */
export const LINE_CATALOGUES: Record<Lang, Record<LineCode, string>> = { en: EN, ar: AR, he: HE };

/** What the agreement names, in the reader's language (an id without a name falls back to itself). */
export interface LineNames {
  party(id: string): string;
  provision(id: string): string;
  place(id: string): string;
  phase(id: string): string;
  quota(provision: string, id: string): string;
  category(id: string, provision?: string): string;
}

export interface LineRenderOptions {
  lang: Lang;
  names: LineNames;
}

const SEPARATORS: Record<Lang, Record<Separator, string>> = {
  en: { semicolon: '; ', comma: ', ', space: ' ', plus: ' + ', or: ' or ', slash: ' / ', arrow: ' → ' },
  ar: { semicolon: '؛ ', comma: '، ', space: ' ', plus: ' + ', or: ' أو ', slash: ' / ', arrow: ' ← ' },
  he: { semicolon: '; ', comma: ', ', space: ' ', plus: ' + ', or: ' או ', slash: ' / ', arrow: ' ← ' },
};

const numberFormats = new Map<Lang, Intl.NumberFormat>();
const pluralRules = new Map<Lang, Intl.PluralRules>();

export function formatNumber(n: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

/** "13 persons", "شخصان", "שני אנשים": a count with its noun in the form the number asks for. */
export function formatQuantity(n: number, unit: string, lang: Lang): string {
  const forms: Forms = NOUNS[lang][unit] ?? { other: `# ${unit}` };
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  const form = forms[rules.select(n)] ?? forms.other;
  return form.replace('#', formatNumber(n, lang));
}

/** "16:00" with the locale's digits. */
function formatTime(t: string, lang: Lang): string {
  return t.replace(/\d+/g, (d) => formatNumber(Number(d), lang).padStart(d.length, formatNumber(0, lang)));
}

export function localizedIn(text: LocalizedText | undefined, lang: Lang): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : (text[lang] ?? text.en);
}

/** One parameter in words. */
export function renderLineArg(a: LineArg, o: LineRenderOptions): string {
  if ('code' in a) return renderLine(a, o);
  switch (a.type) {
    case 'number':
      return formatNumber(a.value, o.lang);
    case 'quantity':
      return formatQuantity(a.value, a.unit, o.lang);
    case 'time':
      return formatTime(a.time, o.lang);
    case 'party':
      return o.names.party(a.id);
    case 'provision':
      return o.names.provision(a.id);
    case 'place':
      return o.names.place(a.id);
    case 'phase':
      return o.names.phase(a.id);
    case 'quota':
      return o.names.quota(a.provision, a.id);
    case 'category':
      return o.names.category(a.id, a.provision);
    case 'quote':
      return a.text;
    case 'text':
      return localizedIn(a.text, o.lang);
    case 'word':
      return VOCABULARIES[a.vocabulary][o.lang][a.id] ?? VOCABULARIES[a.vocabulary].en[a.id] ?? a.id;
    case 'list':
      return a.items
        .map((x) => renderLineArg(x, o))
        .filter((x) => x !== '')
        .join(SEPARATORS[o.lang][a.sep]);
  }
}

/** The `{name}` parameters a template uses. */
export function templateParams(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** A line in words: its template with each parameter worded; a full stop is never doubled. */
export function renderLine(p: Line, o: LineRenderOptions): string {
  const template = LINE_CATALOGUES[o.lang][p.code];
  const params = p.params as Record<string, LineArg>;
  const out = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const arg = params[name];
    return arg === undefined ? '' : renderLineArg(arg, o);
  });
  const said = out.replace(/([.!?])\./g, '$1');
  // An English subject starts a sentence; Arabic and Hebrew have no capitals.
  return p.code === 'diff.subject' && o.lang === 'en' ? said.charAt(0).toUpperCase() + said.slice(1) : said;
}
