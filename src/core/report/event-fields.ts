import type { Labels } from '../compliance/labels.ts';
import { figure } from '../compliance/words.ts';
import { casualtyPhrases } from './casualty-words.ts';

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

/**
 * An event's fields as a reader names them: parties, the provision and categories by the
 * agreement's labels, actors by their registered names, counts with thousands separators,
 * casualty figures each with its source; references to earlier events in words and commitments
 * as a count. Field names stay as recorded.
 */
export function eventFieldWords(body: Record<string, unknown>, labels: Labels): string[] {
  return Object.entries(body).flatMap(([k, v]) => {
    if (REFERENCES.has(k)) return [`${k}: an earlier event`];
    if (COMMITMENTS.has(k) && Array.isArray(v)) return [`${k}: ${v.length} named by commitment`];
    if (k === 'provision' && typeof v === 'string') return [`${k}: ${labels.provision(v)}`];
    if (k === 'actor' && typeof v === 'string') return [`${k}: ${labels.actor(v)}`];
    if (PARTIES.has(k) && typeof v === 'string') return [`${k}: ${labels.party(v)}`];
    if (k === 'category' && typeof v === 'string')
      return [`${k}: ${categoryLabel(v, body.provision, labels)}`];
    if (k === 'categories' && v !== null && typeof v === 'object' && !Array.isArray(v))
      return [
        `${k}: ${Object.entries(v as Record<string, unknown>)
          .map(
            ([c, n]) =>
              `${categoryLabel(c, body.provision, labels)} (${typeof n === 'number' ? figure(n) : String(n)})`,
          )
          .join(', ')}`,
      ];
    if (k === 'categories' && Array.isArray(v) && v.every((c) => typeof c === 'string'))
      return [`${k}: ${v.map((c) => categoryLabel(c, body.provision, labels)).join(', ')}`];
    if (k === 'casualties' && Array.isArray(v))
      return [`${k}: ${casualtyPhrases(v as Casualties).join(' · ')}`];
    if (typeof v === 'number') return [`${k}: ${figure(v)}`];
    if (v !== null && typeof v === 'object') return [`${k}: ${JSON.stringify(v)}`];
    return [`${k}: ${String(v)}`];
  });
}
