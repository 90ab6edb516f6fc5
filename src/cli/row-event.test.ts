import { describe, expect, it } from 'vitest';
import { type Row, RowError, rowEnvelope } from './row-event.ts';

const LEAF = 'a'.repeat(64);
const ctx = {
  log: 'demo',
  recordedAt: '2023-11-30T12:00:00Z',
  defaultActor: 'monitor',
  leafOfId: (id: string) => (id === 'r1' ? LEAF : undefined),
};
const row = (cells: Record<string, unknown>): Row => ({ line: 7, cells: new Map(Object.entries(cells)) });
const refused = (cells: Record<string, unknown>) => {
  try {
    rowEnvelope(row(cells), ctx);
  } catch (e) {
    expect(e).toBeInstanceOf(RowError);
    return { column: (e as RowError).column, message: (e as RowError).message };
  }
  throw new Error('the row was accepted');
};

describe('a row as an event envelope', () => {
  it('fills the body from the kind’s columns, the envelope from its own, and resolves ids to leaf hashes', () => {
    expect(
      rowEnvelope(
        row({
          id: 'r2',
          kind: 'dispute',
          occurred_at: '2023-11-25T10:00:00+02:00',
          actor: 'party-a',
          of: 'r1',
          reason: 'not delayed',
          figure: '12',
          refs: `r1; ${'b'.repeat(64)}`,
          source: 'Party A',
          source_method: 'statement',
          text: '',
        }),
        ctx,
      ),
    ).toEqual({
      v: 1,
      id: 'r2',
      log: 'demo',
      kind: 'dispute',
      occurredAt: '2023-11-25T10:00:00+02:00',
      recordedAt: '2023-11-30T12:00:00Z',
      actor: 'party-a',
      body: { of: LEAF, reason: 'not delayed', figure: 12 },
      refs: [LEAF, 'b'.repeat(64)],
      source: { name: 'Party A', method: 'statement' },
    });
  });

  it('reads the column names of earlier spreadsheets, and takes the --key’s actor when the row names none', () => {
    const e = rowEnvelope(
      row({
        kind: 'violation.alleged',
        occurred_at: '2023-11-25T10:00:00+02:00',
        party: 'hamas',
        text: 'Shots fired',
      }),
      ctx,
    );
    expect(e.body).toEqual({ against: 'hamas', description: 'Shots fired' });
    expect(e.actor).toBe('monitor');
  });

  it('names the column at fault', () => {
    const at = { occurred_at: '2023-11-25T10:00:00+02:00' };
    expect(refused({ ...at, kind: 'aid.sent' }).column).toBe('kind');
    expect(refused({ ...at, kind: 'statement', text: 'x', quantity: '3' })).toMatchObject({
      column: 'quantity',
      message: 'a statement event has no such field; its columns: text',
    });
    expect(refused({ ...at, kind: 'release.completed', count: '4' })).toMatchObject({
      column: 'party',
      message: 'a release.completed event needs it',
    });
    expect(refused({ ...at, kind: 'release.completed', party: 'israel', count: 'four' }).column).toBe(
      'count',
    );
    expect(refused({ ...at, kind: 'acknowledgement', of: 'r9' })).toMatchObject({ column: 'of' });
    // A handover with no number: where to write it, and how to say it was not disclosed.
    expect(refused({ ...at, kind: 'handover.completed', provision: 'x', to: 'israel' })).toEqual({
      column: 'count',
      message:
        'the number is missing: give `count`, or `undisclosed: true` when the act is recorded but its number was not disclosed',
    });
    expect(
      refused({ ...at, kind: 'release.completed', party: 'israel', count: '390', undisclosed: 'yes' }),
    ).toMatchObject({ column: 'undisclosed' });
    expect(refused({ kind: 'statement', text: 'x', occurred_at: '25/11/2023' }).column).toBe('occurred_at');
    expect(refused({ ...at, kind: 'statement', text: 'x', source_url: 'https://example.org' }).column).toBe(
      'source',
    );
    expect(
      refused({ ...at, kind: 'statement', text: 'x', source: 'UN', source_url: 'not a url' }).column,
    ).toBe('source_url');
    expect(refused({ ...at, kind: 'statement', text: 'x', id: 'has space' }).column).toBe('id');
    expect(refused({ ...at, kind: 'violation.alleged', against: 'israel' })).toMatchObject({
      column: 'description',
    });
  });

  it('reads a handover whose number was not disclosed: undisclosed yes, count left empty', () => {
    const e = rowEnvelope(
      row({
        kind: 'handover.completed',
        occurred_at: '2025-06-09T12:00:00+03:00',
        provision: 'istanbul-exchange',
        to: 'ukraine',
        count: '',
        undisclosed: 'yes',
      }),
      ctx,
    );
    expect(e.body).toEqual({ provision: 'istanbul-exchange', to: 'ukraine', undisclosed: true });
  });

  it('reads a figure its source gave as approximate: uncertain yes; a cell that is not yes or no is refused at that column', () => {
    const e = rowEnvelope(
      row({
        kind: 'release.completed',
        occurred_at: '2025-06-09T12:00:00+03:00',
        provision: 'istanbul-exchange',
        party: 'ukraine',
        count: '250',
        uncertain: 'yes',
      }),
      ctx,
    );
    expect(e.body).toEqual({ provision: 'istanbul-exchange', party: 'ukraine', count: 250, uncertain: true });
    expect(
      refused({
        kind: 'release.completed',
        occurred_at: '2025-06-09T12:00:00+03:00',
        party: 'ukraine',
        count: '250',
        uncertain: 'about',
      }).column,
    ).toBe('uncertain');
  });

  it('says what is wrong with a time, a day or an id, with the value and how to write it', () => {
    expect(refused({ kind: 'statement', text: 'x', occurred_at: '2025-02-27 02:00' })).toEqual({
      column: 'occurred_at',
      message:
        '"2025-02-27 02:00" is not a date and time in ISO 8601 with its offset (write it as 2025-01-19T16:15:00+02:00)',
    });
    const at = { occurred_at: '2025-01-25T23:00:00+02:00' };
    expect(
      refused({ ...at, kind: 'aid.delivered', date: '25/01/2025', quantity: '4200', unit: 'truck' }),
    ).toEqual({
      column: 'date',
      message: '"25/01/2025" is not a day written as YEAR-MONTH-DAY (write it as 2025-01-25)',
    });
    const id = refused({ ...at, kind: 'release.completed', party: 'Israel', count: '596' });
    expect(id.column).toBe('party');
    expect(id.message).toMatch(/^"Israel": .* \(write it "israel"\)$/);
  });
});
