import type { Agreement, LocalizedText } from './types.ts';

/** Text in the agreement's languages: a plain string, or a mapping with at least English. */
export function isLocalized(v: unknown): v is LocalizedText {
  return (
    typeof v === 'string' ||
    (typeof v === 'object' && v !== null && typeof (v as { en?: unknown }).en === 'string')
  );
}

/** A term the agreement names: a place (an id with a `name`) or a labelled term (an id with a `label`: a category, a quota). */
export interface NamedTerm {
  kind: 'place' | 'labelled';
  id: string;
  text: LocalizedText;
  /** The provision it is named in; none for the agreement's own `places`. */
  provision?: string;
}

/**
 * Every place and labelled term an agreement names, in the order of the file: its `places`, then
 * those of each provision, found at any depth (a zone withdrawn from, a crossing, a route, a
 * destination, a category, a quota). What the edges word ids with, and what says an id is named.
 */
export function namedTerms(agreement: Agreement): NamedTerm[] {
  const out: NamedTerm[] = (agreement.places ?? []).map((p) => ({ kind: 'place', id: p.id, text: p.name }));
  const walk = (value: unknown, provision: string) => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, provision);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (typeof o.id === 'string') {
      if (isLocalized(o.name)) out.push({ kind: 'place', id: o.id, text: o.name, provision });
      if (isLocalized(o.label)) out.push({ kind: 'labelled', id: o.id, text: o.label, provision });
    }
    for (const [k, v] of Object.entries(o))
      if (k !== 'name' && k !== 'label' && k !== 'title') walk(v, provision);
  };
  for (const p of agreement.provisions) walk(p, p.id);
  return out;
}
