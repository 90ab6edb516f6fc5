import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOf } from './instant.ts';

const pad = (v: number, n: number) => String(v).padStart(n, '0');

describe('instantOf', () => {
  it('reads what Date.parse reads, for every date-time with an offset', () => {
    const text = fc
      .record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 60 }),
        second: fc.integer({ min: 0, max: 60 }),
        fraction: fc.option(fc.stringMatching(/^[0-9]{0,5}$/)),
        zone: fc.oneof(
          fc.constant('Z'),
          fc.constant('z'),
          fc.constant(''),
          fc
            .tuple(
              fc.constantFrom('+', '-'),
              fc.integer({ min: 0, max: 25 }),
              fc.integer({ min: 0, max: 60 }),
            )
            .map(([s, h, m]) => `${s}${pad(h, 2)}:${pad(m, 2)}`),
        ),
      })
      .map(
        (t) =>
          `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}${t.fraction === null ? '' : `.${t.fraction}`}${t.zone}`,
      );
    fc.assert(
      fc.property(text, (s) => {
        expect(Object.is(instantOf(s), Date.parse(s))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads leap days, the ends of months and years, and offsets as Date.parse does', () => {
    for (const s of [
      '2024-02-29T23:59:59.999+02:00',
      '2023-02-29T00:00:00Z',
      '2000-02-29T12:00:00Z',
      '1900-02-29T12:00:00Z',
      '1969-12-31T23:59:59.9-00:30',
      '1970-01-01T00:00:00Z',
      '2023-12-31T22:00:00-03:00',
      '2023-11-24T07:00:00+02:00',
      '0001-01-01T00:00:00Z',
      '2023-11-24T24:00:00Z',
      '2023-11-24T07:00:00.1234Z',
      '2023-11-24T07:00Z',
      '2023-11-24',
      'not a date',
      '',
    ])
      expect(Object.is(instantOf(s), Date.parse(s)), s).toBe(true);
  });

  it('reads what any Date writes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(-62135596800000), max: new Date(253402300799999), noInvalidDate: true }),
        (d) => {
          expect(instantOf(d.toISOString())).toBe(d.getTime());
        },
      ),
      { numRuns: 5000 },
    );
  });
});
