import type { Agreement, LocalizedText } from '../agreement/types.ts';
import { kept } from './kept.ts';
import type { Lang } from './lang.ts';
import type { Names } from './render.ts';
import { localized } from './render.ts';

function isLocalized(v: unknown): v is LocalizedText {
  return (
    typeof v === 'string' ||
    (typeof v === 'object' && v !== null && typeof (v as { en?: unknown }).en === 'string')
  );
}

/** Every name an agreement gives, by kind and id: parties, places, provisions, phases, quotas, categories. */
function collect(agreement: Agreement, into: Map<string, LocalizedText>): void {
  const set = (key: string, v: LocalizedText) => {
    if (!into.has(key)) into.set(key, v);
  };
  for (const p of agreement.parties) set(`party:${p.id}`, p.name);
  for (const p of agreement.places ?? []) set(`place:${p.id}`, p.name);
  for (const ph of agreement.phases) if (isLocalized(ph.title)) set(`phase:${ph.id}`, ph.title);
  const walk = (value: unknown, provision: string) => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, provision);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (typeof o.id === 'string') {
      if (isLocalized(o.name)) set(`place:${o.id}`, o.name);
      if (isLocalized(o.label)) {
        set(`category:${provision}/${o.id}`, o.label);
        set(`category:${o.id}`, o.label);
        set(`quota:${provision}/${o.id}`, o.label);
      }
    }
    for (const [k, v] of Object.entries(o))
      if (k !== 'name' && k !== 'label' && k !== 'title') walk(v, provision);
  };
  for (const p of agreement.provisions) {
    if (p.title) set(`provision:${p.id}`, p.title);
    walk(p, p.id);
  }
}

/**
 * The names of one or more agreements (the first that names an id wins) in `lang`, for the line
 * renderer. An id the agreements do not name stays as it is.
 */
export function agreementNames(agreements: Agreement | readonly Agreement[], lang: Lang): Names {
  const names = new Map<string, LocalizedText>();
  for (const a of Array.isArray(agreements) ? agreements : [agreements]) collect(a as Agreement, names);
  const get = (key: string, id: string) => {
    const n = names.get(key);
    return n === undefined ? id : localized(n, lang);
  };
  return {
    party: (id) => get(`party:${id}`, id),
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
