import type { Labels } from './labels.ts';
import type { Dispute } from './types.ts';
import { figure } from './words.ts';

/** Both sides of each dispute in plain words, figures and who gives them. */
export function describeDisputes(disputes: Dispute[], labels: Labels): string {
  return disputes
    .map((d) => {
      const rec = d.recorded;
      const by = d.disputedBy;
      const who = labels.actor(rec.actor);
      const recorded = `${who}${rec.source && rec.source !== rec.actor && rec.source !== who ? ` (source: ${rec.source})` : ''} recorded ${rec.figure === undefined ? 'it' : figure(rec.figure)}`;
      const against = `${labels.actor(by.actor)} disputes it${by.figure !== undefined ? `, giving ${figure(by.figure)}` : ''}: ${by.reason}`;
      return `${recorded}; ${against}`;
    })
    .join(' ')
    .replace(/([^.])$/, '$1.');
}
