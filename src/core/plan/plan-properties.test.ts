import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/types.ts';
import { pause } from './fixtures/pause.ts';
import { planAgreement } from './plan-agreement.ts';

/** Random exchanges: length, total, categories with ratios and optional known counts, cadence. */
const exchangeCase = fc
  .record({
    lengthDays: fc.integer({ min: 1, max: 60 }),
    total: fc.integer({ min: 0, max: 500 }),
    ratios: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 4 }),
    everyDays: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    extend: fc.integer({ min: 0, max: 5 }),
    perExtension: fc.integer({ min: 1, max: 20 }),
    knownMix: fc.boolean(),
  })
  .map((c) => {
    const agreement: Agreement = pause();
    agreement.phases[0]!.lengthDays = c.lengthDays;
    agreement.phases[0]!.extension!.per.releases = c.perExtension;
    const ex = agreement.provisions[0]!;
    if (ex.kind !== 'exchange') throw new Error('fixture');
    ex.release.total = c.total;
    ex.release.minPerBatch = undefined;
    ex.release.cadence = c.everyDays ? { everyDays: c.everyDays } : 'daily';
    ex.release.categories = c.ratios.map((ratio, i) => ({ id: `c${i}`, label: `C${i}`, ratio }));
    const counts: Record<string, number> = {};
    if (c.knownMix) {
      let left = c.total;
      c.ratios.forEach((_, i) => {
        const n = i === c.ratios.length - 1 ? left : Math.floor(left / 2);
        counts[`exchange.c${i}`] = n;
        left -= n;
      });
    }
    return { agreement, counts, ...c };
  });

describe('plan properties', () => {
  it('a schedule never releases more than its total plus what the extension buys', () => {
    fc.assert(
      fc.property(exchangeCase, ({ agreement, counts, total, extend, perExtension }) => {
        const plan = planAgreement(agreement, { extend, counts });
        const handed = plan.days
          .flatMap((d) => d.obligations)
          .filter((o) => o.action === 'hand-over')
          .reduce((a, o) => a + (o.quantity ?? 0), 0);
        expect(handed).toBe(total + extend * perExtension);
      }),
    );
  });

  it('the ratio holds in every batch', () => {
    fc.assert(
      fc.property(exchangeCase, ({ agreement, counts, extend, ratios }) => {
        const plan = planAgreement(agreement, { extend, counts });
        const all = plan.days.flatMap((d) => d.obligations);
        for (const handover of all.filter((o) => o.action === 'hand-over')) {
          const release = all.find((o) => o.action === 'release' && o.batch === handover.batch)!;
          const n = handover.quantity!;
          if (handover.mix) {
            const exact = handover.mix.reduce(
              (a, m) => a + m.count * ratios[Number(m.category.slice(1))]!,
              0,
            );
            expect(release.quantity).toBe(exact);
            expect(release.quantityMax).toBeUndefined();
          } else {
            expect(release.quantity).toBe(n * Math.min(...ratios));
            expect(release.quantityMax ?? release.quantity).toBe(n * Math.max(...ratios));
          }
        }
      }),
    );
  });

  it('every batch falls within the (extended) phase', () => {
    fc.assert(
      fc.property(exchangeCase, ({ agreement, counts, extend, lengthDays }) => {
        const plan = planAgreement(agreement, { extend, counts });
        for (const o of plan.days.flatMap((d) => d.obligations)) {
          // Only a list due the evening before day 1 falls before the start, on day 0.
          expect(o.day).toBeGreaterThanOrEqual(o.action === 'submit-list' ? 0 : 1);
          expect(o.day).toBeLessThanOrEqual(lengthDays + extend);
        }
      }),
    );
  });

  it('planning is deterministic', () => {
    fc.assert(
      fc.property(exchangeCase, ({ agreement, counts, extend }) => {
        expect(planAgreement(agreement, { extend, counts })).toEqual(
          planAgreement(agreement, { extend, counts }),
        );
      }),
      { numRuns: 30 },
    );
  });
});
