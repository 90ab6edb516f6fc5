import { isLocalized, namedTerms } from '../agreement/named-terms.ts';
import type { Agreement, LocalizedText } from '../agreement/types.ts';
import { kept } from './kept.ts';
import type { Lang } from './lang.ts';
import type { Names } from './render.ts';
import { localized } from './render.ts';

/** Every name an agreement gives, by kind and id: parties, places, provisions, phases, quotas, categories. */
function collect(agreement: Agreement, into: Map<string, LocalizedText>): void {
  const set = (key: string, v: LocalizedText) => {
    if (!into.has(key)) into.set(key, v);
  };
  for (const p of agreement.parties) set(`party:${p.id}`, p.name);
  for (const ph of agreement.phases) if (isLocalized(ph.title)) set(`phase:${ph.id}`, ph.title);
  for (const p of agreement.provisions) if (p.title) set(`provision:${p.id}`, p.title);
  for (const term of namedTerms(agreement)) {
    if (term.kind === 'place') set(`place:${term.id}`, term.text);
    else {
      set(`category:${term.provision}/${term.id}`, term.text);
      set(`category:${term.id}`, term.text);
      set(`quota:${term.provision}/${term.id}`, term.text);
    }
  }
}

/**
 * The names of one or more agreements (the first that names an id wins) in `lang`, for the line
 * renderer. An id the agreements do not name stays as it is; parties bound together (`a+b`) are
 * each named.
 */
export function agreementNames(agreements: Agreement | readonly Agreement[], lang: Lang): Names {
  const names = new Map<string, LocalizedText>();
  for (const a of Array.isArray(agreements) ? agreements : [agreements]) collect(a as Agreement, names);
  const get = (key: string, id: string) => {
    const n = names.get(key);
    return n === undefined ? id : localized(n, lang);
  };
  // Several parties bound together (a milestone's "saf+rsf+…"): each named, in the reader's
  // language, never the ids joined.
  const and = lang === 'ar' ? '، ' : ', ';
  const party = (id: string) =>
    !names.has(`party:${id}`) && id.includes('+') && id.split('+').every((x) => names.has(`party:${x}`))
      ? id
          .split('+')
          .map((x) => get(`party:${x}`, x))
          .join(and)
      : get(`party:${id}`, id);
  return {
    party,
    provision: (id) => get(`provision:${id}`, id),
    place: (id) => (names.has(`place:${id}`) ? get(`place:${id}`, id) : get(`party:${id}`, id)),
    phase: (id) => get(`phase:${id}`, id),
    quota: (provision, id) => get(`quota:${provision}/${id}`, id),
    category: (id, provision) =>
      provision && names.has(`category:${provision}/${id}`)
        ? get(`category:${provision}/${id}`, id)
        : get(`category:${id}`, id),
  };
}

const cache = new WeakMap<Agreement, Map<Lang, Names>>();

/** What `agreement` names, in `lang`: `agreementNames`, kept per agreement and language. */
export function namesOf(agreement: Agreement, lang: Lang): Names {
  return kept(
    kept(cache, agreement, () => new Map()),
    lang,
    () => agreementNames(agreement, lang),
  );
}
