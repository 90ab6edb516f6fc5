import type { Dispute } from './types.ts';

/** Both sides of each dispute in plain words, figures and who gives them. */
export function describeDisputes(disputes: Dispute[]): string {
  return disputes
    .map((d) => {
      const rec = d.recorded;
      const by = d.disputedBy;
      const recorded = `${rec.actor}${rec.source && rec.source !== rec.actor ? ` (source: ${rec.source})` : ''} recorded ${rec.figure ?? 'it'}`;
      const against = `${by.actor} disputes it${by.figure !== undefined ? `, giving ${by.figure}` : ''}: ${by.reason}`;
      return `${recorded}; ${against}`;
    })
    .join(' ')
    .replace(/([^.])$/, '$1.');
}
